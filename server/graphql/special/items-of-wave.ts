/**
 * The items of a wave: what its fulfilments ask for, one `WaveItem{product, quantity}` per
 * product, summing the fulfilment items' `requestedQuantity` (the order item's quantity when
 * absent). No mutation creates wave items, so they are computed [inferred]; `WaveItem` records
 * linked to the wave, if any were stored, are listed as they are. Serves `Wave.items` (derived
 * field) and the root search `waveItems` (`wave-items.ts`).
 */
import type { Domain } from '../../domain/domain.js';
import type { GraphQLContext } from '../context.js';
import { pageArgsOf } from '../../domain/paging.js';
import { isLinkRef, linkTo, type EntityRecord, type LinkRef } from '../../domain/store/store.js';
import { resolveAll, resolveOne } from '../../domain/links.js';
import { pageList, type KeyedNode, type ListPage } from './page-list.js';

/** Carries `__typename` so the edge's generic resolver takes it as a record, not as a key to look up. */
export type WaveItem = { __typename: 'WaveItem'; product: LinkRef | EntityRecord | null; quantity: number };

/** `Wave.items(quantity, first, last, before, after)`, ordered by product. */
export function itemsOfWaveField(parent: EntityRecord, args: Record<string, unknown>, ctx: GraphQLContext): ListPage<WaveItem> {
  return pageList(withQuantity(itemsOfWave(ctx.account, parent), args['quantity']), pageArgsOf(args), ctx.account.paging);
}

/** Narrows by the `quantity: [Int!]` filter (any value matches; empty or absent: all). */
export function withQuantity(items: KeyedNode<WaveItem>[], quantity: unknown): KeyedNode<WaveItem>[] {
  return Array.isArray(quantity) && quantity.length ? items.filter((i) => quantity.includes(i.node.quantity)) : items;
}

export function itemsOfWave(account: Domain, wave: EntityRecord): KeyedNode<WaveItem>[] {
  const { store } = account;
  const stored = store.linkedFrom(linkTo(wave), 'WaveItem');
  if (stored.length) {
    return stored.map((w) => {
      const product = w['product'];
      return { key: `WaveItem:${w.id}`, node: { __typename: 'WaveItem', product: isLinkRef(product) ? product : null, quantity: Number(w['quantity'] ?? 0) } };
    });
  }
  const totals = new Map<string, WaveItem & { product: EntityRecord }>();
  for (const fulfilment of resolveAll(store, wave['fulfilments'])) {
    for (const item of store.linkedFrom(linkTo(fulfilment), 'FulfilmentItem')) {
      const orderItem = resolveOne(store, item['orderItem']);
      const product = resolveOne(store, orderItem?.['product']);
      if (!product) continue;
      const asked = typeof item['requestedQuantity'] === 'number' ? item['requestedQuantity'] : Number(orderItem?.['quantity'] ?? 0);
      const key = `WaveItem:${wave.id}:${product.__typename}:${product.id}`;
      const entry = totals.get(key) ?? { __typename: 'WaveItem' as const, product, quantity: 0 };
      entry.quantity += asked;
      totals.set(key, entry);
    }
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, node]) => ({ key, node }));
}

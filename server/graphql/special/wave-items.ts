/**
 * `Wave.items(quantity, first, last, before, after): WaveItemConnection!`: what the wave's
 * fulfilments ask for, one `WaveItem{product, quantity}` per product, summing the fulfilment
 * items' `requestedQuantity` (the order item's quantity when absent). No mutation creates wave
 * items, so they are computed [inferred]; `WaveItem` records linked to the wave, if any were
 * stored, are listed as they are. Ordered by product, paged like other connections.
 */
import type { GraphQLContext } from '../context.js';
import type { PageArgs } from '../../domain/paging.js';
import { linkTo, type EntityRecord, type LinkRef } from '../../domain/store/store.js';
import { resolveAll, resolveOne } from './links.js';
import { pageList, type KeyedNode, type ListPage } from './page-list.js';

/** Carries `__typename` so the edge's generic resolver takes it as a record, not as a key to look up. */
type WaveItem = { __typename: 'WaveItem'; product: LinkRef | EntityRecord; quantity: number };

export function waveItems(parent: EntityRecord, args: Record<string, unknown>, ctx: GraphQLContext): ListPage<WaveItem> {
  const { store, paging } = ctx.account;
  const stored = store.linkedFrom(linkTo(parent), 'WaveItem');
  const items: KeyedNode<WaveItem>[] = stored.length
    ? stored.map((w) => ({ key: `WaveItem:${w.id}`, node: { __typename: 'WaveItem', product: w['product'] as LinkRef, quantity: Number(w['quantity'] ?? 0) } }))
    : computed(ctx, parent);
  const quantity = args['quantity'] as number[] | null | undefined;
  const wanted = quantity == null || quantity.length === 0 ? items : items.filter((i) => quantity.includes(i.node.quantity));
  return pageList(wanted, args as PageArgs, paging);
}

function computed(ctx: GraphQLContext, wave: EntityRecord): KeyedNode<WaveItem>[] {
  const { store } = ctx.account;
  const totals = new Map<string, WaveItem & { product: EntityRecord }>();
  for (const fulfilment of resolveAll(store, wave['fulfilments'])) {
    for (const item of store.linkedFrom(linkTo(fulfilment), 'FulfilmentItem')) {
      const orderItem = resolveOne(store, item['orderItem']);
      const product = resolveOne(store, orderItem?.['product']);
      if (!product) continue;
      const asked = typeof item['requestedQuantity'] === 'number' ? item['requestedQuantity'] : Number(orderItem?.['quantity'] ?? 0);
      const key = `WaveItem:${product.__typename}:${product.id}`;
      const entry = totals.get(key) ?? { __typename: 'WaveItem' as const, product, quantity: 0 };
      entry.quantity += asked;
      totals.set(key, entry);
    }
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, node]) => ({ key, node }));
}

/**
 * `prices(type, currency, value, first, last, before, after)`: "Search for Price entities"
 * (schema description). A `Price` is a value inside a product's `prices` list, not a record
 * ("more like a complex value type, rather than an object"), so the connection lists the prices
 * of every product (standard, variant, group) in every catalogue. Order: newest product first
 * (as other connections, fluent-platform.md §2.4 / §8 #12), then the product's own price order.
 * A cursor names the product and the price's index in its list.
 */
import type { GraphQLContext } from '../context.js';
import type { PageArgs } from '../../domain/paging.js';
import { isRecord } from '../../lib/guards.js';
import { pageList, type KeyedNode, type ListPage } from './page-list.js';

/** A price as the product stores it (`{type, currency, value}`, from PriceInput). */
type Price = Record<string, unknown>;
type Args = PageArgs & { type?: string[] | null; currency?: string[] | null; value?: number[] | null };

export function prices(_parent: unknown, a: Args, ctx: GraphQLContext): ListPage<Price> {
  const { store, model, paging } = ctx.account;
  const products = model.concreteTypes('Product').flatMap((t) => store.candidates(t).map((id) => ({ typename: t, id })));
  products.sort((x, y) => y.id - x.id || x.typename.localeCompare(y.typename));
  const wanted = (list: unknown[] | null | undefined, v: unknown): boolean => list == null || list.length === 0 || list.some((w) => w === v);
  const items: KeyedNode<Price>[] = [];
  for (const { typename, id } of products) {
    const list = store.get(typename, String(id))?.['prices'];
    if (!Array.isArray(list)) continue;
    list.forEach((price: unknown, index) => {
      if (!isRecord(price) || !wanted(a.type, price['type']) || !wanted(a.currency, price['currency']) || !wanted(a.value, price['value'])) return;
      items.push({ key: `Price:${typename}:${id}:${index}`, node: price });
    });
  }
  return pageList(items, a, paging);
}

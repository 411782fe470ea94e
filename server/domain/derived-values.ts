/**
 * Values the API exposes (and filters on) that no record stores under their own name, computed
 * from stored links. Keyed `Type.field`. Used by search filters; the GraphQL field resolvers in
 * `graphql/special/derived-fields.ts` answer the same questions for output.
 */
import { isLinkRef, type EntityRecord, type LinkRef, type Store } from './store/store.js';

type Derive = (store: Store, record: EntityRecord) => unknown;

const links = (v: unknown): LinkRef[] => (Array.isArray(v) ? v : [v]).filter(isLinkRef);
const resolveAll = (store: Store, v: unknown): EntityRecord[] => links(v).map((l) => store.resolve(l)).filter((r): r is EntityRecord => r !== undefined);

/** The retailer id of an order (sub-entities are filtered by their order's retailer). */
const retailerOfOrders = (store: Store, orders: EntityRecord[]): string[] => orders.flatMap((o) => links(o['retailer']).map((l) => l.id));

/** The location whose primary address is `address`. */
function locationOfAddress(store: Store, address: unknown): LinkRef | undefined {
  const [link] = links(address);
  if (!link) return undefined;
  const location = store.linkedFrom(link, 'Location').find((l) => isLinkRef(l['primaryAddress']) && l['primaryAddress'].id === link.id);
  return location ? { __link: 'Location', id: location.id } : undefined;
}

export const DERIVED_VALUES: Readonly<Record<string, Derive>> = {
  'Fulfilment.retailerId': (store, r) => retailerOfOrders(store, resolveAll(store, r['order'])),
  'Article.retailerId': (store, r) => retailerOfOrders(store, resolveAll(store, r['fulfilments']).flatMap((f) => resolveAll(store, f['order']))),
  'Fulfilment.fromLocation': (store, r) => locationOfAddress(store, r['fromAddress']),
  'Wave.processingLocation': (_store, r) => r['location'],
};

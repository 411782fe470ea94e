/**
 * Values the API exposes (and filters on) that no record stores under their own name, computed
 * from stored links. Keyed `Type.field`. Used by search filters; the GraphQL field resolvers in
 * `graphql/special/derived-fields.ts` call the same functions for output, so a filter and the
 * field it filters on always agree.
 */
import { resolveOne } from './links.js';
import { isLinkRef, linkTo, type EntityRecord, type LinkRef, type Store } from './store/store.js';

type Derive = (store: Store, record: EntityRecord) => unknown;

const links = (v: unknown): LinkRef[] => (Array.isArray(v) ? v : [v]).filter(isLinkRef);
const resolveAll = (store: Store, v: unknown): EntityRecord[] =>
  links(v)
    .map((l) => store.resolve(l))
    .filter((r): r is EntityRecord => r !== undefined);

/** The retailer id of an order (sub-entities are filtered by their order's retailer). */
const retailerOfOrders = (_store: Store, orders: EntityRecord[]): string[] => orders.flatMap((o) => links(o['retailer']).map((l) => l.id));

/**
 * `Fulfilment.fromLocation` (a `LocationLink{ref}`): a stored link when there is one, else the
 * location of the fulfilment's `fromAddress`: the store address's own `location`, or the location
 * whose primary address it is. CreateFulfilmentInput has no `fromLocation`, only `fromAddress`
 * [inferred].
 */
export function fulfilmentFromLocation(store: Store, fulfilment: EntityRecord): EntityRecord | undefined {
  const stored = resolveOne(store, fulfilment['fromLocation']);
  if (stored) return stored;
  const address = resolveOne(store, fulfilment['fromAddress']);
  if (address?.__typename !== 'StoreAddress') return undefined;
  return (
    resolveOne(store, address['location']) ??
    store.linkedFrom(linkTo(address), 'Location').find((l) => isLinkRef(l['primaryAddress']) && l['primaryAddress'].id === address.id)
  );
}

/** `Wave.processingLocation` (a `LocationLink{ref}`): a stored link, else the wave's `location` [inferred]. */
export function waveProcessingLocation(store: Store, wave: EntityRecord): EntityRecord | undefined {
  return resolveOne(store, wave['processingLocation']) ?? resolveOne(store, wave['location']);
}

const linkOf = (record: EntityRecord | undefined): LinkRef | undefined => (record ? linkTo(record) : undefined);

export const DERIVED_VALUES: Readonly<Record<string, Derive>> = {
  'Fulfilment.retailerId': (store, r) => retailerOfOrders(store, resolveAll(store, r['order'])),
  'Article.retailerId': (store, r) =>
    retailerOfOrders(
      store,
      resolveAll(store, r['fulfilments']).flatMap((f) => resolveAll(store, f['order'])),
    ),
  'Fulfilment.fromLocation': (store, r) => linkOf(fulfilmentFromLocation(store, r)),
  'Wave.processingLocation': (store, r) => linkOf(waveProcessingLocation(store, r)),
};

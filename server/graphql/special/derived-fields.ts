/**
 * Output fields whose value is computed from other stored data rather than stored under their
 * own name. Keyed `Type.field`.
 */
import type { GraphQLContext } from '../context.js';
import { isLinkRef, linkTo, type EntityRecord } from '../../domain/store/store.js';
import { resolveAll, resolveOne } from '../../domain/links.js';
import { itemsOfWaveField } from './items-of-wave.js';

export type Derived = (parent: EntityRecord, args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

/** The product an inventory or virtual position counts, in the given (or any) product catalogue. */
const productOfPosition: Derived = (parent, args, ctx) => {
  const key: Record<string, unknown> = { ref: parent['productRef'] };
  if (args['catalogue']) key['catalogue'] = args['catalogue'];
  return parent['productRef'] == null ? null : ctx.account.entities.findByKey(ctx.account.view, 'Product', key) ?? null;
};

/** `InventoryPosition.location` is the StoreAddress of the location named by `locationRef`. */
const locationAddressOfPosition: Derived = (parent, _args, ctx) => {
  if (parent['locationRef'] == null) return null;
  const location = ctx.account.entities.findByKey(ctx.account.view, 'Location', { ref: parent['locationRef'] });
  const address = location?.['primaryAddress'];
  return isLinkRef(address) ? ctx.account.store.resolve(address) ?? null : null;
};

/**
 * `Fulfilment.fromLocation` (a `LocationLink{ref}`): a stored link when there is one, else the
 * location whose store address is the fulfilment's `fromAddress`. CreateFulfilmentInput has no
 * `fromLocation`, only `fromAddress` [inferred].
 */
const fromLocationOfFulfilment: Derived = (parent, _args, ctx) => {
  const { store } = ctx.account;
  const stored = resolveOne(store, parent['fromLocation']);
  if (stored) return stored;
  const address = resolveOne(store, parent['fromAddress']);
  return (address?.__typename === 'StoreAddress' ? resolveOne(store, address['location']) : undefined) ?? null;
};

/**
 * `Carrier.manifests: [Manifest]`: the manifests naming the carrier (CreateManifestInput.carrier);
 * the carrier record itself lists none.
 */
const manifestsOfCarrier: Derived = (parent, _args, ctx) => {
  const { store } = ctx.account;
  const byId = new Map<string, EntityRecord>();
  for (const m of resolveAll(store, parent['manifests'])) byId.set(m.id, m);
  for (const m of store.linkedFrom(linkTo(parent), 'Manifest')) if (resolveOne(store, m['carrier'])?.id === parent.id) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
};

/** `Wave.processingLocation` (a `LocationLink{ref}`): the wave's `location` [inferred]. */
const processingLocationOfWave: Derived = (parent, _args, ctx) => resolveOne(ctx.account.store, parent['processingLocation']) ?? resolveOne(ctx.account.store, parent['location']) ?? null;

export const DERIVED_FIELDS: Readonly<Record<string, Derived>> = {
  'InventoryPosition.product': productOfPosition,
  'InventoryPosition.location': locationAddressOfPosition,
  'Fulfilment.fromLocation': fromLocationOfFulfilment,
  'Carrier.manifests': manifestsOfCarrier,
  'Wave.items': itemsOfWaveField,
  'Wave.processingLocation': processingLocationOfWave,
};

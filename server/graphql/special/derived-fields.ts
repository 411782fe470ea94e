/**
 * Output fields whose value is computed from other stored data rather than stored under their
 * own name. Keyed `Type.field`. Those that can also be filtered on are computed by
 * `domain/derived-values.ts`, for filters and output alike.
 */
import type { GraphQLContext } from '../context.js';
import { isLinkRef, linkTo, type EntityRecord } from '../../domain/store/store.js';
import { fulfilmentFromLocation, waveProcessingLocation } from '../../domain/derived-values.js';
import { resolveAll, resolveOne } from '../../domain/links.js';
import { itemsOfWaveField } from './items-of-wave.js';

export type Derived = (parent: EntityRecord, args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

/** The product an inventory or virtual position counts, in the given (or any) product catalogue. */
const productOfPosition: Derived = (parent, args, ctx) => {
  const key: Record<string, unknown> = { ref: parent['productRef'] };
  if (args['catalogue']) key['catalogue'] = args['catalogue'];
  return parent['productRef'] == null ? null : (ctx.account.entities.findByKey(ctx.account.view, 'Product', key) ?? null);
};

/** `InventoryPosition.location` is the StoreAddress of the location named by `locationRef`. */
const locationAddressOfPosition: Derived = (parent, _args, ctx) => {
  if (parent['locationRef'] == null) return null;
  const location = ctx.account.entities.findByKey(ctx.account.view, 'Location', { ref: parent['locationRef'] });
  const address = location?.['primaryAddress'];
  return isLinkRef(address) ? (ctx.account.store.resolve(address) ?? null) : null;
};

const fromLocationOfFulfilment: Derived = (parent, _args, ctx) => fulfilmentFromLocation(ctx.account.store, parent) ?? null;

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

const processingLocationOfWave: Derived = (parent, _args, ctx) => waveProcessingLocation(ctx.account.store, parent) ?? null;

export const DERIVED_FIELDS: Readonly<Record<string, Derived>> = {
  'InventoryPosition.product': productOfPosition,
  'InventoryPosition.location': locationAddressOfPosition,
  'Fulfilment.fromLocation': fromLocationOfFulfilment,
  'Carrier.manifests': manifestsOfCarrier,
  'Wave.items': itemsOfWaveField,
  'Wave.processingLocation': processingLocationOfWave,
};

/**
 * Output fields whose value is computed from other stored data rather than stored under their
 * own name. Keyed `Type.field`.
 */
import type { GraphQLContext } from '../context.js';
import { isLinkRef, type EntityRecord } from '../../domain/store/store.js';
import { resolveOne } from './links.js';
import { waveItems } from './wave-items.js';

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

export const DERIVED_FIELDS: Readonly<Record<string, Derived>> = {
  'InventoryPosition.product': productOfPosition,
  'InventoryPosition.location': locationAddressOfPosition,
  'Fulfilment.fromLocation': fromLocationOfFulfilment,
  'Wave.items': waveItems,
};

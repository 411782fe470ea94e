/**
 * `updateLocationPrimaryAddress(input: {id, primaryAddress: {id}}): Location`: makes an existing
 * store address the location's primary address (and points the address back at the location).
 * The generic update cannot: `BaseLocationInput` is a reference by id that its naming
 * conventions (`…Id`, `…Key`) do not recognise. Unknown location or address: C0120E, nothing changed.
 */
import type { GraphQLContext } from '../context.js';
import { linkTo, type EntityRecord } from '../../domain/store/store.js';
import { findRequired } from './find-entity.js';
import { requireInput } from './require-input.js';

type Args = { input?: { id: string; primaryAddress: { id: string } } | null };

export function updateLocationPrimaryAddress(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): EntityRecord {
  const input = requireInput((args as Args).input, 'updateLocationPrimaryAddress');
  const { account } = ctx;
  return account.entities.write((tx) => {
    const location = findRequired(account, tx, 'Location', { id: input.id }, 'updateLocationPrimaryAddress');
    const address = findRequired(account, tx, 'StoreAddress', { id: input.primaryAddress.id }, 'updateLocationPrimaryAddress');
    const now = account.clock.now().toISOString();
    const updated: EntityRecord = { ...structuredClone(location), primaryAddress: linkTo(address), updatedOn: now };
    tx.put(updated);
    tx.put({ ...structuredClone(address), location: linkTo(location), updatedOn: now });
    return updated;
  });
}

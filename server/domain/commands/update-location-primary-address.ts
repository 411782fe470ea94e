/**
 * `updateLocationPrimaryAddress(input: {id, primaryAddress: {id}}): Location`: makes an existing
 * store address the location's primary address (and points the address back at the location).
 * The generic update cannot: `BaseLocationInput` is a reference by id that its naming
 * conventions (`…Id`, `…Key`) do not recognise. Unknown location or address: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { linkTo, type EntityRecord } from '../store/store.js';
import { findRequired } from '../find-entity.js';
import { requireInput } from './require-input.js';

type Args = { input?: { id: string; primaryAddress: { id: string } } | null };

export function updateLocationPrimaryAddress(domain: Domain, args: Args): EntityRecord {
  const input = requireInput(args.input, 'updateLocationPrimaryAddress');
  return domain.entities.write((tx) => {
    const location = findRequired(domain, tx, 'Location', { id: input.id }, 'updateLocationPrimaryAddress');
    const address = findRequired(domain, tx, 'StoreAddress', { id: input.primaryAddress.id }, 'updateLocationPrimaryAddress');
    const now = domain.clock.now().toISOString();
    const updated: EntityRecord = { ...structuredClone(location), primaryAddress: linkTo(address), updatedOn: now };
    tx.put(updated);
    tx.put({ ...structuredClone(address), location: linkTo(location), updatedOn: now });
    return updated;
  });
}

/**
 * The locations of a network. Membership can be stored on either side: `Network.locations`
 * (CreateNetworkInput / UpdateNetworkInput) or `Location.networks` (CreateLocationInput /
 * UpdateLocationInput); both count, as they do for the `Network.locations` connection.
 */
import type { Domain } from '../../domain/domain.js';
import { linkTo, type EntityRecord } from '../../domain/store/store.js';
import { resolveAll } from '../../domain/links.js';

export function locationsOfNetwork(account: Domain, network: EntityRecord): EntityRecord[] {
  const byId = new Map<string, EntityRecord>();
  for (const l of resolveAll(account.store, network['locations'])) if (l.__typename === 'Location') byId.set(l.id, l);
  for (const l of account.store.linkedFrom(linkTo(network), 'Location')) byId.set(l.id, l);
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * `removeNetworksFromLocation(input: {location: LocationKey, networks: [NetworkKey]})`: "Removes
 * one or more `Network`s from a `Location`" (schema description). Membership is dropped on both
 * sides (`Location.networks`, `Network.locations`). Unknown location or network: C0120E, nothing changed.
 */
import type { GraphQLContext } from '../context.js';
import { findRequired, type Key } from './find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { location: Key; networks: Key[] } | null };

export function removeNetworksFromLocation(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): typeof REMOVE_SUCCEEDED {
  const input = requireInput((args as Args).input, 'removeNetworksFromLocation');
  const { account } = ctx;
  return account.entities.write((tx) => {
    const location = findRequired(account, tx, 'Location', input.location, 'removeNetworksFromLocation');
    const networks = input.networks.map((k) => findRequired(account, tx, 'Network', k, 'removeNetworksFromLocation'));
    removeLinks(account, tx, location, networks, { field: 'networks', backField: 'locations' });
    return REMOVE_SUCCEEDED;
  });
}

/**
 * `removeNetworksFromLocation(input: {location: LocationKey, networks: [NetworkKey]})`: "Removes
 * one or more `Network`s from a `Location`" (schema description). Membership is dropped on both
 * sides (`Location.networks`, `Network.locations`). Unknown location or network: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { location: Key; networks: Key[] } | null };

export function removeNetworksFromLocation(domain: Domain, args: Args): typeof REMOVE_SUCCEEDED {
  const input = requireInput(args.input, 'removeNetworksFromLocation');
  return domain.entities.write((tx) => {
    const location = findRequired(domain, tx, 'Location', input.location, 'removeNetworksFromLocation');
    const networks = input.networks.map((k) => findRequired(domain, tx, 'Network', k, 'removeNetworksFromLocation'));
    removeLinks(domain, tx, location, networks, { field: 'networks', backField: 'locations' });
    return REMOVE_SUCCEEDED;
  });
}

/**
 * `removeLocationsFromNetwork(input: {network: NetworkKey, locations: [LocationKey]})`: "Removes
 * one or more `Location`s from a `Network`" (schema description). Membership is dropped on both
 * sides (`Network.locations`, `Location.networks`). Unknown network or location: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { network: Key; locations: Key[] } | null };

export function removeLocationsFromNetwork(domain: Domain, args: Args): typeof REMOVE_SUCCEEDED {
  const input = requireInput(args.input, 'removeLocationsFromNetwork');
  return domain.entities.write((tx) => {
    const network = findRequired(domain, tx, 'Network', input.network, 'removeLocationsFromNetwork');
    const locations = input.locations.map((k) => findRequired(domain, tx, 'Location', k, 'removeLocationsFromNetwork'));
    removeLinks(domain, tx, network, locations, { field: 'locations', backField: 'networks' });
    return REMOVE_SUCCEEDED;
  });
}

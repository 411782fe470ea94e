/**
 * `removeFulfilmentsFromWave(input: {wave: WaveKey, fulfilments: [FulfilmentKey]})`: "Removes one
 * or more `Fulfilment`s from a `Wave`" (schema description). `Fulfilment.waves` follows, since it
 * is read from the waves that list the fulfilment. Unknown wave or fulfilment: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { wave: Key; fulfilments: Key[] } | null };

export function removeFulfilmentsFromWave(domain: Domain, args: Args): typeof REMOVE_SUCCEEDED {
  const input = requireInput(args.input, 'removeFulfilmentsFromWave');
  return domain.entities.write((tx) => {
    const wave = findRequired(domain, tx, 'Wave', input.wave, 'removeFulfilmentsFromWave');
    const fulfilments = input.fulfilments.map((k) => findRequired(domain, tx, 'Fulfilment', k, 'removeFulfilmentsFromWave'));
    removeLinks(domain, tx, wave, fulfilments, { field: 'fulfilments', backField: 'waves' });
    return REMOVE_SUCCEEDED;
  });
}

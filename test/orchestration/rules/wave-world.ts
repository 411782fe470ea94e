/**
 * A small store-wave world for the Fulfilment Reference Module rule tests: store LOC_MEL with
 * fulfilments f1–f3 of order o1 (RUNNER-42 × 2 each), and optionally a wave holding some of them.
 */
import type { EntityView } from '../../../server/orchestration/port.js';
import { entity, type FakeData, hdOrder, ROOT } from './fake-reader.js';

export const store = entity({ entityType: 'LOCATION', id: 'l1', ref: 'LOC_MEL', subtype: 'STORE', status: 'ACTIVE' });

export const atStore = (id: string, status: string, fields: Record<string, unknown> = {}): EntityView =>
  entity({
    entityType: 'FULFILMENT',
    id,
    ref: `HD-1-${id}`,
    subtype: 'HD_PFS',
    status,
    root: { ...ROOT },
    fields: { fromLocation: { ref: 'LOC_MEL' }, createdOn: '2026-01-15T09:00:00.000Z', ...fields },
  });

export const waveWith = (id: string, status = 'IN_PROGRESS'): EntityView =>
  entity({ entityType: 'WAVE', id, ref: `LOC_MEL-W${id}`, subtype: 'STORE', status, root: { entityType: 'LOCATION', id: 'l1', ref: 'LOC_MEL' } });

/** The world: fulfilments, waves with their members, each fulfilment one item of RUNNER-42 × `requested`. */
export function world(fulfilments: EntityView[], waves: { wave: EntityView; members: string[] }[] = [], requested = 2): FakeData {
  const related: Record<string, Record<string, unknown>[]> = { 'ORDER:o1:items': [{ id: 'oi1', product: { ref: 'RUNNER-42' } }] };
  for (const f of fulfilments) {
    related[`FULFILMENT:${f.id}:items`] = [
      { id: `${f.id}-i1`, ref: `${f.ref}-1`, orderItem: { id: 'oi1' }, requestedQuantity: requested, filledQuantity: 0, rejectedQuantity: 0 },
    ];
  }
  for (const { wave, members } of waves) related[`WAVE:${wave.id}:fulfilments`] = members.map((id) => ({ id }));
  return { entities: [hdOrder(), store, ...fulfilments, ...waves.map((w) => w.wave)], related };
}

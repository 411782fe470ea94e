/**
 * A small world for the sourcing rule tests: HD order o1 (HD-1) with items oi1 (SKU-1 × 2) and
 * oi2 (SKU-2 × 1), four locations, and fulfilments given as `{id, status, from, items}`.
 */
import type { Effect, EntityView } from '../../../server/orchestration/port.js';
import { entity, type FakeData, fulfilment, hdOrder } from './fake-reader.js';

const location = (id: string, ref: string, subtype: string, latitude: number, longitude: number) =>
  entity({ entityType: 'LOCATION', id, ref, subtype, status: 'ACTIVE', fields: { primaryAddress: { id: `a-${id}`, latitude, longitude } } });

export const STORE = location('11', 'STORE-1', 'STORE', -37.81, 144.96);
export const DC = location('12', 'DC-1', 'WAREHOUSE', -37.99, 145.21);
export const FAR = location('13', 'FAR-1', 'STORE', -33.87, 151.21);
export const REJECTED_LOCATION = location('19', 'SYSTEM_REJECTED', 'SYSTEM', 0, 0);

export const ITEMS = [
  { id: 'oi1', ref: 'HD-1-1', productRef: 'SKU-1', quantity: 2 },
  { id: 'oi2', ref: 'HD-1-2', productRef: 'SKU-2', quantity: 1 },
];

export type FulfilmentSpec = { id: string; status: string; from?: EntityView; items: [string, number, number?][] };

/** The world: `order` (default: BOOKED, no fields), the locations, and the given fulfilments with their items and location. */
export function world(
  options: { order?: EntityView; fulfilments?: FulfilmentSpec[]; positions?: Record<string, unknown>[]; extra?: EntityView[] } = {},
): FakeData {
  const related: Record<string, Record<string, unknown>[]> = { 'ORDER:o1:items': ITEMS };
  const fulfilments = (options.fulfilments ?? []).map((spec) => {
    related[`FULFILMENT:${spec.id}:items`] = spec.items.map(([orderItemId, requestedQuantity, filledQuantity]) => ({
      orderItem: { id: orderItemId },
      requestedQuantity,
      filledQuantity: filledQuantity ?? 0,
    }));
    related[`FULFILMENT:${spec.id}:fromLocation`] = spec.from ? [{ id: spec.from.id, ref: spec.from.ref }] : [];
    return fulfilment(spec.id, spec.status);
  });
  return {
    entities: [options.order ?? hdOrder(), STORE, DC, FAR, REJECTED_LOCATION, ...fulfilments, ...(options.extra ?? [])],
    related,
    positions: options.positions ?? [],
    networks: { BASE: ['STORE-1', 'DC-1', 'FAR-1'] },
  };
}

/** An inventory position record of catalogue DEFAULT:1. */
export const position = (productRef: string, locationRef: string, onHand: number) => ({ catalogueRef: 'DEFAULT:1', productRef, locationRef, onHand });

/** The event the rule sent (its one effect), or a failure naming what it did instead. */
export function sent(effects: readonly Effect[]): { name: string; attributes: Record<string, unknown> } {
  const [first] = effects;
  if (effects.length !== 1 || first?.type !== 'sendEvent') throw new Error(`expected one sendEvent, got ${JSON.stringify(effects)}`);
  return first.event;
}

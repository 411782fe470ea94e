/**
 * A small mixed-basket world (ORDER::MULTI) for the fulfilment-choice rule tests: order o1 with
 * an HD choice (FC-HD, delivery address ca1) and a CC choice (FC-CC, pickup at STORE-1), one item
 * each, a store and a warehouse with stock, and fulfilments as the test gives them.
 */
import type { EntityView } from '../../../server/orchestration/port.js';
import { entity, type FakeData, ROOT } from './fake-reader.js';

export const multiOrder = (status = 'BOOKED'): EntityView =>
  entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1', subtype: 'MULTI', status, fields: { customer: { id: 'c1' } } });

export const choice = (id: string, ref: string, subtype: string, status: string, fields: Record<string, unknown>): EntityView =>
  entity({ entityType: 'FULFILMENT_CHOICE', id, ref, subtype, status, root: { ...ROOT }, fields });

export const hdChoice = (status = 'BOOKED') => choice('fc1', 'FC-HD', 'HD', status, { deliveryType: 'STANDARD', deliveryAddress: { id: 'ca1' } });
export const ccChoice = (status = 'BOOKED') => choice('fc2', 'FC-CC', 'CC', status, { deliveryType: 'STANDARD', pickupLocationRef: 'STORE-1' });

export const choiceFulfilment = (id: string, choiceRef: string, status: string): EntityView =>
  entity({ entityType: 'FULFILMENT', id, ref: `HD-1-${id}`, subtype: 'HD_PFDC', status, root: { ...ROOT }, fields: { fulfilmentChoiceRef: choiceRef } });

const store = entity({ entityType: 'LOCATION', id: 'l1', ref: 'STORE-1', subtype: 'STORE', fields: { primaryAddress: { id: 'a1' } } });
const warehouse = entity({ entityType: 'LOCATION', id: 'l2', ref: 'DC-1', subtype: 'WAREHOUSE', fields: { primaryAddress: { id: 'a2' } } });

export function multiWorld(entities: EntityView[] = [], choices: EntityView[] = [hdChoice(), ccChoice()]): FakeData {
  return {
    entities: [multiOrder(), store, warehouse, ...choices, ...entities],
    related: {
      'ORDER:o1:fulfilmentChoices': choices.map((c) => ({ id: c.id, ref: c.ref })),
      'ORDER:o1:items': [
        { id: 'oi1', ref: 'HD-1-1', quantity: 2, product: { ref: 'SKU-1' }, fulfilmentChoiceRef: 'FC-HD' },
        { id: 'oi2', ref: 'HD-1-2', quantity: 1, product: { ref: 'SKU-2' }, fulfilmentChoice: { ref: 'FC-CC' } },
      ],
    },
    positions: ['SKU-1', 'SKU-2'].flatMap((productRef) =>
      ['STORE-1', 'DC-1'].map((locationRef) => ({ catalogueRef: 'DEFAULT:1', productRef, locationRef, onHand: 10 })),
    ),
  };
}

/**
 * `globalinventory.CreateBaseVirtualPosition` (Virtual Catalogue Reference Module, accepts
 * VIRTUAL_CATALOGUE): on `VirtualCatalogueEvent` (attributes productRef, locationRef — both
 * required for BASE, workflow-contracts.md §3.1) makes the BASE virtual position of the product at
 * the location equal to the inventory position of the catalogue's inventory catalogue:
 * ref `<productRef>:<locationRef>`, groupRef = locationRef, quantity = the position's onHand
 * (0 when it has none), ACTIVE.
 * [inferred]: the platform splits this into LoadVirtualPositionAndVirtualCatalogueDetails →
 * Create/UpdateBaseVirtualPosition; here one rule creates or updates. Control-group buffers are
 * not applied; the ref format is ours.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';

const NAME = 'globalinventory.CreateBaseVirtualPosition';

export const createBaseVirtualPosition = defineRule({
  name: NAME,
  aliases: ['commongi.CreateBaseVirtualPosition', 'globalinventory.UpdateBaseVirtualPosition'],
  inferred: 'creates or updates in one rule; quantity = onHand of the inventory position, no control buffers; ref <productRef>:<locationRef>',
  description: 'Upserts the BASE virtual position <productRef>:<locationRef> with quantity = onHand of the inventory position.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    if (entity.entityType !== 'VIRTUAL_CATALOGUE') throw new Error(`${NAME} runs on VIRTUAL_CATALOGUE, not ${entity.entityType}.`);
    const productRef = requiredText(event, 'productRef', NAME);
    const locationRef = requiredText(event, 'locationRef', NAME);
    const inventoryCatalogueRef = String(entity.fields['inventoryCatalogueRef'] ?? '');
    const position = read.inventoryPositions(inventoryCatalogueRef, productRef).find((p) => p['locationRef'] === locationRef);
    const quantity = typeof position?.['onHand'] === 'number' ? position['onHand'] : 0;
    const ref = `${productRef}:${locationRef}`;
    const catalogue = { ref: entity.ref };
    const exists = read.related({ entityType: 'VIRTUAL_CATALOGUE', id: entity.id, ref: entity.ref }, 'virtualPositions').some((vp) => vp['ref'] === ref);
    const input = { ref, catalogue, type: 'BASE', productRef, groupRef: locationRef, quantity };
    const activate = { type: 'mutate' as const, mutation: 'updateVirtualPosition', input: { ...input, status: 'ACTIVE' } };
    return exists ? [activate] : [{ type: 'mutate' as const, mutation: 'createVirtualPosition', input }, activate];
  },
});

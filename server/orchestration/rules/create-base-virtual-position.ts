/**
 * `globalinventory.CreateBaseVirtualPosition` (Virtual Catalogue Reference Module, accepts
 * VIRTUAL_CATALOGUE): on `VirtualCatalogueEvent` (attributes productRef, locationRef — both
 * required for BASE, workflow-contracts.md §3.1) makes the BASE virtual position of the product at
 * the location hold the onHand of the inventory position of the catalogue's inventory catalogue,
 * less the catalogue's QUANTITY_BUFFER controls (§4; support/virtual-position.ts): ref
 * `<productRef>:<locationRef>`, groupRef = locationRef, ACTIVE.
 * [inferred]: the platform splits this into LoadVirtualPositionAndVirtualCatalogueDetails →
 * Create/UpdateBaseVirtualPosition; here one rule creates or updates. The ref format is ours.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { afterBuffers, onHandAt, upsertVirtualPosition } from './support/virtual-position.js';

const NAME = 'globalinventory.CreateBaseVirtualPosition';

export const createBaseVirtualPosition = defineRule({
  name: NAME,
  aliases: ['commongi.CreateBaseVirtualPosition', 'globalinventory.UpdateBaseVirtualPosition'],
  inferred: 'creates or updates in one rule; quantity = onHand less ACTIVE QUANTITY_BUFFER values, at least 0; ref <productRef>:<locationRef>',
  description: 'Upserts the BASE virtual position <productRef>:<locationRef>: onHand of the inventory position less quantity buffers.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    if (entity.entityType !== 'VIRTUAL_CATALOGUE') throw new Error(`${NAME} runs on VIRTUAL_CATALOGUE, not ${entity.entityType}.`);
    const productRef = requiredText(event, 'productRef', NAME);
    const locationRef = requiredText(event, 'locationRef', NAME);
    const quantity = afterBuffers(read, entity, onHandAt(read, entity, event, productRef, locationRef));
    return upsertVirtualPosition(read, entity, { ref: `${productRef}:${locationRef}`, type: 'BASE', productRef, groupRef: locationRef, quantity });
  },
});

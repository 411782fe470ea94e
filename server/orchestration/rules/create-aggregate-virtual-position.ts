/**
 * `globalinventory.CreateAggregateVirtualPosition` (Virtual Catalogue Reference Module, accepts
 * VIRTUAL_CATALOGUE subtype AGGREGATE): on `VirtualCatalogueEvent` (attribute productRef required;
 * locationRef, required for BASE only, is ignored — workflow-contracts.md §3.1) makes the AGGREGATE
 * virtual position of the product hold the stock of the product across every location the
 * catalogue's networks hold (all locations when it names none): the sum of the inventory
 * positions' onHand (each at least 0), less the catalogue's QUANTITY_BUFFER controls (§4).
 * [inferred]: ref `<productRef>`, groupRef = the catalogue's ref; create and update in one rule
 * (the platform names Create/UpdateAggregateVirtualPosition); INACTIVE positions do not count.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { afterBuffers, onHandOfProduct, upsertVirtualPosition } from './support/virtual-position.js';

const NAME = 'globalinventory.CreateAggregateVirtualPosition';

export const createAggregateVirtualPosition = defineRule({
  name: NAME,
  aliases: ['commongi.CreateAggregateVirtualPosition', 'globalinventory.UpdateAggregateVirtualPosition'],
  inferred: 'ref <productRef>, groupRef = the catalogue ref; sum of onHand (each at least 0) over covered locations less quantity buffers',
  description: "Upserts the AGGREGATE virtual position <productRef>: the product's onHand summed over the catalogue's locations, less buffers.",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    if (entity.entityType !== 'VIRTUAL_CATALOGUE') throw new Error(`${NAME} runs on VIRTUAL_CATALOGUE, not ${entity.entityType}.`);
    const productRef = requiredText(event, 'productRef', NAME);
    const inventoryCatalogueRef = String(entity.fields['inventoryCatalogueRef'] ?? '');
    const covers = (locationRef: string): boolean => read.virtualCataloguesCovering(inventoryCatalogueRef, locationRef).some((c) => c.id === entity.id);
    const quantity = afterBuffers(read, entity, onHandOfProduct(read, entity, productRef, covers));
    return upsertVirtualPosition(read, entity, { ref: productRef, type: 'AGGREGATE', productRef, groupRef: entity.ref ?? productRef, quantity });
  },
});

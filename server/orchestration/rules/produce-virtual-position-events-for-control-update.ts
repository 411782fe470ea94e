/**
 * `commongi.ProduceVirtualPositionEventsForControlUpdate` (global-inventory library, accepts
 * CONTROL): after a control changed, asks the virtual catalogue props.virtualCatalogueRef to
 * recompute its positions: one props.eventName (e.g. `VirtualCatalogueEvent`) per virtual position,
 * sent to the catalogue with the VirtualCatalogueEvent attributes `productRef` and `locationRef`
 * (the position's `groupRef`) (workflow-contracts.md §3.1, §4).
 *
 * Known by name and props from real CONTROL_GROUP workflows (real-world-usage.md); no Fluent page
 * documents it. Which positions a control affects is [inferred]: all positions of the catalogue,
 * since a control's conditions are not simulated.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'commongi.ProduceVirtualPositionEventsForControlUpdate';

export const produceVirtualPositionEventsForControlUpdate = defineRule({
  name: NAME,
  aliases: ['globalinventory.ProduceVirtualPositionEventsForControlUpdate'],
  inferred: "every virtual position of the catalogue is recomputed, whatever the control's conditions",
  description: 'Sends props.eventName to props.virtualCatalogueRef once per virtual position (productRef, locationRef).',
  props: z.object({ eventName, virtualCatalogueRef: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'CONTROL') throw new Error(`${NAME} runs on CONTROL, not ${entity.entityType}.`);
    const catalogue = read.find({ entityType: 'VIRTUAL_CATALOGUE', ref: props.virtualCatalogueRef });
    if (!catalogue) throw new Error(`${NAME}: virtual catalogue "${props.virtualCatalogueRef}" does not exist; fix props.virtualCatalogueRef.`);
    const positions = read.related({ entityType: 'VIRTUAL_CATALOGUE', id: catalogue.id, ref: catalogue.ref }, 'virtualPositions');
    return positions.map((position) =>
      emit({
        ...eventFor(catalogue, props.eventName, event),
        attributes: { productRef: position['productRef'], locationRef: position['groupRef'], controlRef: entity.ref },
      }),
    );
  },
});

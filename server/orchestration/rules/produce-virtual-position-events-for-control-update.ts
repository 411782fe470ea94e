/**
 * `commongi.ProduceVirtualPositionEventsForControlUpdate` (global-inventory library, accepts
 * CONTROL): after a control changed, asks virtual catalogues to recompute their positions: one
 * props.eventName (e.g. `VirtualCatalogueEvent`) per virtual position, sent to its catalogue with
 * the VirtualCatalogueEvent attributes `productRef` and `locationRef` (the position's `groupRef`)
 * (workflow-contracts.md §3.1, §4). The catalogue is props.virtualCatalogueRef; without it, every
 * virtual catalogue whose `controlGroupRef` is the control's group.
 *
 * Known by name and props from real CONTROL_GROUP workflows (real-world-usage.md); no Fluent page
 * documents it. [inferred]: which positions a control affects — all positions of the catalogue,
 * since a control's conditions are not simulated; the catalogues when the prop is absent.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import type { DomainReader, EntityView } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'commongi.ProduceVirtualPositionEventsForControlUpdate';

/** The virtual catalogues to recompute: the named one, or those using the control's group. */
function cataloguesFor(read: DomainReader, control: Readonly<EntityView>, virtualCatalogueRef: string | undefined): EntityView[] {
  if (virtualCatalogueRef !== undefined) {
    const catalogue = read.find({ entityType: 'VIRTUAL_CATALOGUE', ref: virtualCatalogueRef });
    if (!catalogue) throw new Error(`${NAME}: virtual catalogue "${virtualCatalogueRef}" does not exist; fix props.virtualCatalogueRef.`);
    return [catalogue];
  }
  return control.root.ref === undefined ? [] : read.virtualCataloguesOfControlGroup(control.root.ref);
}

export const produceVirtualPositionEventsForControlUpdate = defineRule({
  name: NAME,
  aliases: ['globalinventory.ProduceVirtualPositionEventsForControlUpdate'],
  inferred:
    "every virtual position of the catalogue is recomputed, whatever the control's conditions; without props.virtualCatalogueRef, the catalogues using the control's group",
  description: 'Sends props.eventName once per virtual position (productRef, locationRef) of props.virtualCatalogueRef or of the catalogues using the group.',
  props: z.object({ eventName, virtualCatalogueRef: z.string().trim().min(1).optional() }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'CONTROL') throw new Error(`${NAME} runs on CONTROL, not ${entity.entityType}.`);
    return cataloguesFor(read, entity, props.virtualCatalogueRef).flatMap((catalogue) =>
      read.related({ entityType: 'VIRTUAL_CATALOGUE', id: catalogue.id, ref: catalogue.ref }, 'virtualPositions').map((position) =>
        emit({
          ...eventFor(catalogue, props.eventName, event),
          attributes: { productRef: position['productRef'], locationRef: position['groupRef'], controlRef: entity.ref },
        }),
      ),
    );
  },
});

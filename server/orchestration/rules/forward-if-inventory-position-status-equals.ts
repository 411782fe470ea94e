/**
 * `globalinventory.ForwardIfInventoryPositionStatusEquals` (Inventory Reference Module, accepts
 * VIRTUAL_POSITION; `commongi.…` in real workflows, real-world-usage.md): forwards the event as
 * props.eventName when the inventory position behind the virtual position has one of
 * props.statuses. The position is event attribute `inventoryPositionRef` when given, else the one
 * of product `virtualPositionProductRef` at location `virtualPositionGroupRef` in inventory
 * catalogue `virtualCatalogueInventoryCatalogueRef` (all three required).
 * https://docs.fluentcommerce.com/building-blocks/forwardifinventorypositionstatusequals
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView, type OrchestrationEvent } from '../port.js';
import { optionalText, requiredText } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { findPosition } from './support/inventory.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'globalinventory.ForwardIfInventoryPositionStatusEquals';

function positionOf(event: Readonly<OrchestrationEvent>, read: DomainReader): EntityView | undefined {
  const catalogueRef = requiredText(event, 'virtualCatalogueInventoryCatalogueRef', NAME);
  const productRef = requiredText(event, 'virtualPositionProductRef', NAME);
  const locationRef = requiredText(event, 'virtualPositionGroupRef', NAME);
  const catalogue = read.find({ entityType: 'INVENTORY_CATALOGUE', ref: catalogueRef });
  if (!catalogue) return undefined;
  const ref = optionalText(event, 'inventoryPositionRef');
  const byRef = ref === undefined ? undefined : read.find({ entityType: 'INVENTORY_POSITION', ref });
  return byRef?.root.id === catalogue.id ? byRef : findPosition(read, catalogue, productRef, locationRef);
}

export const forwardIfInventoryPositionStatusEquals = defineRule({
  name: NAME,
  aliases: ['commongi.ForwardIfInventoryPositionStatusEquals'],
  inferred: 'no event when the inventory position is not found',
  description: "Forwards props.eventName when the virtual position's inventory position has one of props.statuses.",
  props: z.object({ eventName, statuses: statusList }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'VIRTUAL_POSITION') throw new Error(`${NAME} runs on VIRTUAL_POSITION, not ${entity.entityType}.`);
    const position = positionOf(event, read);
    return position?.status !== undefined && props.statuses.includes(position.status) ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

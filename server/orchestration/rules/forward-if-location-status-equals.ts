/**
 * `globalinventory.ForwardIfLocationStatusEquals` (Inventory Reference Module, accepts
 * INVENTORY_POSITION; `commongi.…` in real workflows, real-world-usage.md): forwards the event as
 * props.eventName when the position's location has status props.status and the position does not.
 * https://docs.fluentcommerce.com/building-blocks/forwardiflocationstatusequals
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.ForwardIfLocationStatusEquals';

export const forwardIfLocationStatusEquals = defineRule({
  name: NAME,
  aliases: ['commongi.ForwardIfLocationStatusEquals'],
  inferred: 'no event when the location is not found',
  description: "Forwards props.eventName when the position's location has props.status and the position a different one.",
  props: z.object({ eventName, status: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const locationRef = entity.fields['locationRef'];
    const location = typeof locationRef === 'string' ? read.find({ entityType: 'LOCATION', ref: locationRef }) : undefined;
    const matches = location !== undefined && location.status === props.status && location.status !== entity.status;
    return matches ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

/**
 * `commongi.ForwardIfIncomingAttributeEquals`: forwards the current event as `eventName` when the
 * event attribute `attributeKey` has the value `attributeValue`.
 *
 * https://docs.fluentcommerce.com/building-blocks/forwardifincomingattributeequals (Inventory
 * Reference Module, namespace `globalinventory`); real PRODUCT_CATALOGUE workflows use it as
 * `commongi.…` (real-world-usage.md). All three props are required.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { sameValue } from './support/json-path.js';
import { eventName, scalarValue } from './support/props.js';

export const forwardIfIncomingAttributeEquals = defineRule({
  name: 'commongi.ForwardIfIncomingAttributeEquals',
  aliases: ['globalinventory.ForwardIfIncomingAttributeEquals'],
  description: 'Forwards the event as props.eventName when event attribute props.attributeKey equals props.attributeValue.',
  props: z.object({ eventName, attributeKey: z.string().trim().min(1), attributeValue: scalarValue }),
  run: ({ event, entity, props }) =>
    sameValue(event.attributes[props.attributeKey], props.attributeValue) ? [emit(forwardEvent(event, entity, props.eventName))] : [],
});

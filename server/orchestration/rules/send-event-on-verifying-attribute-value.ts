/**
 * `order.SendEventOnVerifyingAttributeValue`: sends `eventName` (same context) when the current
 * entity has an attribute `attributeName` whose value equals `attributeValue`; otherwise sends
 * `noMatchEventName`, when one is configured.
 *
 * https://docs.fluentcommerce.com/building-blocks/sendeventonverifyingattributevalue
 * (fluent-platform.md §5.4). Real ORDER::HD workflows use it as `commonv2.…` without
 * `noMatchEventName` (real-world-usage.md), so that prop is optional here.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { sameValue, walk } from './support/json-path.js';
import { eventName, scalarValue } from './support/props.js';

export const sendEventOnVerifyingAttributeValue = defineRule({
  name: 'order.SendEventOnVerifyingAttributeValue',
  aliases: ['commonv2.SendEventOnVerifyingAttributeValue'],
  description: 'Sends props.eventName when the entity attribute props.attributeName equals props.attributeValue, else props.noMatchEventName if set.',
  props: z.object({
    eventName,
    noMatchEventName: eventName.optional(),
    attributeName: z.string().trim().min(1),
    attributeValue: scalarValue,
  }),
  run: ({ event, entity, props }) => {
    const actual = walk(entity.fields['attributes'] ?? [], ['byName', props.attributeName]);
    const name = sameValue(actual, props.attributeValue) ? props.eventName : props.noMatchEventName;
    return name === undefined ? [] : [emit(forwardEvent(event, entity, name))];
  },
});

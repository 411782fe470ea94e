/**
 * `core.IfPropertyNotEquals`: the "else" of IfPropertyEquals. Sends `eventName` when the value at
 * `jsonpath` is present and differs from `value`; a missing (null) property sends nothing.
 *
 * "If the specified jsonpath property is missing (i.e., null), the Event will not be produced."
 * https://docs.fluentcommerce.com/building-blocks/ifpropertynotequals (fluent-platform.md §5.4).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { jsonPathProp, resolveProperty, sameValue } from './support/json-path.js';
import { eventName, scalarValue } from './support/props.js';

export const ifPropertyNotEquals = defineRule({
  name: 'core.IfPropertyNotEquals',
  description: 'Sends props.eventName when the value at props.jsonpath is present and differs from props.value.',
  props: z.object({ jsonpath: jsonPathProp, value: scalarValue, eventName }),
  run: ({ event, entity, props }) => {
    const actual = resolveProperty(props.jsonpath, { event, entity });
    return actual !== undefined && !sameValue(actual, props.value) ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

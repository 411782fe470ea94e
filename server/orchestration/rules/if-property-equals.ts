/**
 * `core.IfPropertyEquals`: sends `eventName` (same context) when the value at `jsonpath` equals
 * `value`; otherwise does nothing.
 *
 * https://docs.fluentcommerce.com/building-blocks/ifpropertyequals (fluent-platform.md §5.4).
 * Since v25.2.17 the If… rules no longer emit a custom audit event when the condition is false.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { jsonPathProp, resolveProperty, sameValue } from './support/json-path.js';
import { eventName, scalarValue } from './support/props.js';

export const ifPropertyEquals = defineRule({
  name: 'core.IfPropertyEquals',
  description: 'Sends props.eventName when the value at props.jsonpath equals props.value.',
  props: z.object({ jsonpath: jsonPathProp, value: scalarValue, eventName }),
  run: ({ event, entity, props }) =>
    sameValue(resolveProperty(props.jsonpath, { event, entity }), props.value) ? [emit(forwardEvent(event, entity, props.eventName))] : [],
});

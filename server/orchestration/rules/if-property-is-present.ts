/**
 * `core.IfPropertyIsPresent`: sends `eventName` (same context) when the entity field or event
 * attribute at `jsonpath` is not null, e.g. `event.attributes.fraudCheckRequired`.
 *
 * https://docs.fluentcommerce.com/building-blocks/ifpropertyispresent (fluent-platform.md §5.4).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { jsonPathProp, resolveProperty } from './support/json-path.js';
import { eventName } from './support/props.js';

export const ifPropertyIsPresent = defineRule({
  name: 'core.IfPropertyIsPresent',
  description: 'Sends props.eventName when the value at props.jsonpath is present (not null).',
  props: z.object({ jsonpath: jsonPathProp, eventName }),
  run: ({ event, entity, props }) =>
    resolveProperty(props.jsonpath, { event, entity }) !== undefined ? [emit(forwardEvent(event, entity, props.eventName))] : [],
});

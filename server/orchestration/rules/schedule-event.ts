/**
 * `core.ScheduleEvent`: like SendEvent, but the new event waits `delay` seconds on the virtual
 * clock (status SCHEDULED) before it runs.
 *
 * "The Event produced will have the same Context and Event Attributes as the currently executing
 * Event, but will be named using the value provided in the eventName parameter, and a scheduledOn
 * value of now + the number of seconds specified in the delay parameter."
 * https://docs.fluentcommerce.com/building-blocks/scheduleevent (fluent-platform.md §5.3, §5.4).
 * The engine turns `delayMs` into `scheduledOn` with its clock.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { forwardEvent } from './support/events.js';
import { delaySeconds, eventName } from './support/props.js';

export const scheduleEvent = defineRule({
  name: 'core.ScheduleEvent',
  description: 'Sends props.eventName for the same entity after props.delay seconds.',
  props: z.object({ eventName, delay: delaySeconds }),
  run: ({ event, entity, props }) => [{ type: 'sendEvent', event: { ...forwardEvent(event, entity, props.eventName), delayMs: props.delay } }],
});

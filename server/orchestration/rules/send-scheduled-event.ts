/**
 * `commonv2.SendScheduledEvent`: sends props.eventName for the same entity, with the same context
 * and attributes, props.delay seconds later on the virtual clock.
 *
 * Known by name from real ORDER::HD workflows (real-world-usage.md); no Fluent page documents it.
 * Its props are taken to be those of `core.ScheduleEvent` (`eventName`, `delay`: seconds or an
 * ISO-8601 duration) [inferred], and it behaves as that rule does.
 */
import { defineRule } from '../port.js';
import { scheduleEvent } from './schedule-event.js';

export const sendScheduledEvent = defineRule({
  name: 'commonv2.SendScheduledEvent',
  inferred: 'props and behaviour taken to be those of core.ScheduleEvent',
  description: 'Sends props.eventName for the same entity after props.delay seconds (as core.ScheduleEvent).',
  props: scheduleEvent.props,
  run: scheduleEvent.run,
});

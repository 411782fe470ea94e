/**
 * `core.SendEvent`: forwards the current event under another name, with the same context and
 * attributes, so that another ruleset of the same workflow runs (inline, after this one).
 *
 * The same behaviour ships under several library names: the Inventory Reference Module's
 * `Forward` ("Except the new eventName, all the existing event information and attributes will
 * stay the same", https://docs.fluentcommerce.com/building-blocks/forward) and `SendEventGQL`
 * ("produces a SendEventAction … with a new {eventName}",
 * https://docs.fluentcommerce.com/building-blocks/sendeventgql), also found as
 * `commonv2.SendEventGQL` and `commongi.Forward` in real workflows (real-world-usage.md).
 * The exact props of `core.SendEvent` are not documented; `eventName` is [inferred] (§8 #17).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { eventName } from './support/props.js';

export const sendEvent = defineRule({
  name: 'core.SendEvent',
  aliases: ['commonv2.SendEventGQL', 'globalinventory.SendEventGQL', 'commongi.Forward', 'globalinventory.Forward'],
  description: 'Sends props.eventName for the same entity, with the same context and attributes.',
  props: z.object({ eventName }),
  run: ({ event, entity, props }) => [emit(forwardEvent(event, entity, props.eventName))],
});

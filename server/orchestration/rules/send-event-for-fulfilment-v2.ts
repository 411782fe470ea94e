/**
 * `commonv2.SendEventForFulfilmentV2` (real ORDER::HD workflows, real-world-usage.md): sends
 * `eventName` to the fulfilment(s) of the current entity — from an ARTICLE, each fulfilment it was
 * packed for; from a FULFILMENT, itself — with the current event's attributes [inferred: Fluent
 * publishes no page for the V2 rule; behaviour from its name and use after article events].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.SendEventForFulfilmentV2';

export const sendEventForFulfilmentV2 = defineRule({
  name: NAME,
  inferred: 'targets: the fulfilments of an ARTICLE, or the FULFILMENT itself',
  description: "Sends props.eventName to the article's fulfilments (or to the fulfilment itself).",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType === 'FULFILMENT') return [emit(eventFor(entity, props.eventName, event))];
    if (entity.entityType !== 'ARTICLE') throw new Error(`${NAME} runs on ARTICLE or FULFILMENT, not ${entity.entityType}.`);
    return read
      .related({ entityType: 'ARTICLE', id: entity.id, ref: entity.ref }, 'fulfilments')
      .map((f) => read.find({ entityType: 'FULFILMENT', id: String(f['id']) }))
      .filter((f) => f !== undefined)
      .map((fulfilment) => emit(eventFor(fulfilment, props.eventName, event)));
  },
});

/**
 * `base.SendEventToReturnFulfilments` [simulator]: from a RETURN_ORDER, sends props.eventName,
 * with the current attributes, to each of its return fulfilments. No Fluent rule of this name is
 * known; the default RETURN_ORDER::DEFAULT workflow uses it to move its return fulfilments with
 * the return order ([inferred], docs/orchestration.md).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'base.SendEventToReturnFulfilments';

export const sendEventToReturnFulfilments = defineRule({
  name: NAME,
  inferred: 'the whole rule (a simulator rule for the default return workflow)',
  description: 'Sends props.eventName to each return fulfilment of the return order.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'RETURN_ORDER') throw new Error(`${NAME} runs on RETURN_ORDER, not ${entity.entityType}.`);
    return read
      .children({ entityType: 'RETURN_ORDER', id: entity.id, ref: entity.ref }, 'RETURN_FULFILMENT')
      .map((target) => emit(eventFor(target, props.eventName, event)));
  },
});

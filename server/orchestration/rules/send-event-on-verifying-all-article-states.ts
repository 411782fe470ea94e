/**
 * `order.SendEventOnVerifyingAllArticleStates` (Order Reference Module, accepts ORDER and
 * FULFILMENT; also `commonv2.…`, real-world-usage.md): "Sends event with eventName … to the entity
 * from incoming event on verifying if all the articles of the incoming entity are in any of the
 * given statuses". Throws when the entity is not part of an order or of another type.
 * https://docs.fluentcommerce.com/building-blocks/sendeventonverifyingallarticlestates
 *
 * Props `eventName`, `status` (list). An entity without articles does not pass [inferred, as
 * SendEventOnVerifyingAllFulfilmentStates]. The event keeps the current attributes.
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'order.SendEventOnVerifyingAllArticleStates';

function articlesOf(read: DomainReader, entity: Readonly<EntityView>): EntityView[] {
  if (entity.entityType === 'FULFILMENT') return read.children({ entityType: 'FULFILMENT', id: entity.id, ref: entity.ref }, 'ARTICLE');
  const order = orderOf(entity, read, NAME);
  const fulfilments = read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT');
  const articles = new Map(fulfilments.flatMap((f) => articlesOf(read, f)).map((a) => [a.id, a]));
  return [...articles.values()];
}

export const sendEventOnVerifyingAllArticleStates = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventOnVerifyingAllArticleStates'],
  inferred: 'an entity without articles does not pass',
  description: 'Sends props.eventName to the order or fulfilment when all its articles are in one of props.status.',
  props: z.object({ eventName, status: statusList }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'ORDER' && entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on ORDER or FULFILMENT, not ${entity.entityType}.`);
    const articles = articlesOf(read, entity);
    const all = articles.length > 0 && articles.every((a) => a.status !== undefined && props.status.includes(a.status));
    return all ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

/**
 * `commonv2.SendEventForArticlesV2` (real ORDER::HD workflows, real-world-usage.md; workflow-contracts.md
 * §8: a booked consignment's articles get `ConsignmentFinalised`): sends `eventName` to each article
 * of the current entity — a CONSIGNMENT's articles, or a FULFILMENT's — with the current event's
 * attributes [inferred: Fluent publishes no page for the V2 rule; behaviour from its name and its use
 * after `ConsignmentBooked`].
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.SendEventForArticlesV2';

function articlesOf(read: DomainReader, entity: Readonly<EntityView>): EntityView[] {
  const key = { entityType: entity.entityType, id: entity.id, ref: entity.ref };
  if (entity.entityType === 'FULFILMENT') return read.children(key, 'ARTICLE');
  return read
    .related(key, 'consignmentArticles')
    .map((link) => link['article'])
    .map((article) =>
      article !== null && typeof article === 'object' && 'id' in article ? read.find({ entityType: 'ARTICLE', id: String(article.id) }) : undefined,
    )
    .filter((article) => article !== undefined);
}

export const sendEventForArticlesV2 = defineRule({
  name: NAME,
  inferred: 'targets: the articles of a CONSIGNMENT or of a FULFILMENT',
  description: 'Sends props.eventName to each article of the consignment (or of the fulfilment).',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'CONSIGNMENT' && entity.entityType !== 'FULFILMENT')
      throw new Error(`${NAME} runs on CONSIGNMENT or FULFILMENT, not ${entity.entityType}.`);
    return articlesOf(read, entity).map((article) => emit(eventFor(article, props.eventName, event)));
  },
});

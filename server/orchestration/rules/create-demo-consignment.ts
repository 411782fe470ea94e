/**
 * `commonv2.CreateDemoConsignment` (the reference workflows' stand-in for a carrier booking,
 * workflow-contracts.md §6.1/§8, real-world-usage.md): books the articles with carrier
 * `carrierRef` at once, creating one consignment with `labelUrl` through `createConsignment`.
 *
 * Props `carrierRef` and `labelUrl` (both required). Runs on a FULFILMENT (its articles that are
 * in no consignment yet) or an ARTICLE (that article) [inferred]. Consignment ref and carrier's
 * reference `<fulfilment or article ref>-C<first article id>` [inferred]. An unknown carrier fails the event.
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';

const NAME = 'commonv2.CreateDemoConsignment';

const inConsignment = (read: DomainReader, article: Readonly<EntityView>): boolean =>
  read.related({ entityType: 'ARTICLE', id: article.id, ref: article.ref }, 'consignmentArticles').length > 0;

export const createDemoConsignment = defineRule({
  name: NAME,
  aliases: ['order.CreateDemoConsignment'],
  inferred: 'runs on FULFILMENT or ARTICLE; consignment refs',
  description: 'Creates one consignment with carrier props.carrierRef and props.labelUrl for the fulfilment’s (or the article’s) unconsigned articles.',
  props: z.object({ carrierRef: z.string().trim().min(1), labelUrl: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT' && entity.entityType !== 'ARTICLE')
      throw new Error(`${NAME} runs on FULFILMENT or ARTICLE, not ${entity.entityType}.`);
    const carrier = read.find({ entityType: 'CARRIER', ref: props.carrierRef });
    if (!carrier) throw new Error(`${NAME}: carrier "${props.carrierRef}" does not exist; create it or fix props.carrierRef.`);
    const articles = (
      entity.entityType === 'ARTICLE' ? [entity] : read.children({ entityType: 'FULFILMENT', id: entity.id, ref: entity.ref }, 'ARTICLE')
    ).filter((a) => !inConsignment(read, a));
    if (articles.length === 0) return [];
    const ref = `${entity.ref ?? entity.id}-C${articles[0]?.id ?? '1'}`;
    const input = {
      ref,
      consignmentReference: ref,
      labelUrl: props.labelUrl,
      carrier: { id: carrier.id },
      retailer: { id: entity.retailerId ?? event.retailerId },
      consignmentArticles: articles.map((a) => ({ article: { id: a.id } })),
    };
    return [{ type: 'mutate', mutation: 'createConsignment', input }];
  },
});

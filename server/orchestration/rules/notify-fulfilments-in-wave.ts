/**
 * `fulfilment.NotifyFulfilmentsInWave` (Fulfilment Reference Module, accepts WAVE; the pack /
 * dispatch step of workflow-contracts.md §7): "Sends an event to all Fulfilments in a Wave", each
 * with the articles packed for it. https://docs.fluentcommerce.com/building-blocks/notifyfulfilmentsinwave
 *
 * Prop `eventName`. Event attributes: `allFulfilmentArticles` (required): a map fulfilment id →
 * `[ArticleDetails]`; `fulfilmentArticles` (optional): `[ArticleDetails]`. Each fulfilment's event
 * carries its list as `fulfilmentArticles`; a fulfilment the map does not name gets the event's own
 * `fulfilmentArticles`, or none [inferred]. A key that is not a fulfilment of the wave fails the
 * event, naming it [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { articleDetails } from './support/articles.js';
import { emit, eventFor } from './support/events.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { eventName } from './support/props.js';
import { fulfilmentsOfWave, waveOf } from './support/wave.js';

const NAME = 'fulfilment.NotifyFulfilmentsInWave';

const attributes = z.object({
  allFulfilmentArticles: z.record(z.string(), z.array(articleDetails)),
  fulfilmentArticles: z.array(articleDetails).optional(),
});

export const notifyFulfilmentsInWave = defineRule({
  name: NAME,
  inferred: "fulfilments the map does not name get the event's fulfilmentArticles; unknown keys fail",
  description: 'Sends props.eventName to every fulfilment of the wave with its `fulfilmentArticles` (its entry in `allFulfilmentArticles`).',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const wave = waveOf(entity, NAME);
    const { allFulfilmentArticles, fulfilmentArticles } = parseAttributes(event, attributes, NAME);
    const fulfilments = fulfilmentsOfWave(read, wave);
    const unknown = Object.keys(allFulfilmentArticles).filter((id) => !fulfilments.some((f) => f.id === id));
    if (unknown.length > 0) {
      throw new IllegalArgumentException(
        `${NAME}: allFulfilmentArticles names ${unknown.map((id) => `"${id}"`).join(', ')}, not fulfilments of wave "${wave.ref}".`,
      );
    }
    return fulfilments.map((fulfilment) => {
      const articles = allFulfilmentArticles[fulfilment.id] ?? fulfilmentArticles;
      return emit({ ...eventFor(fulfilment, props.eventName, event), attributes: articles === undefined ? {} : { fulfilmentArticles: articles } });
    });
  },
});

/**
 * `order.CreateArticlesForFulfilment` (Order Reference Module, accepts FULFILMENT; also
 * `commonv2.CreateArticlesForFulfilment`, real-world-usage.md): "creates one or more articles for
 * the Fulfilment in the incoming event" from the event attribute `fulfilmentArticles` (packaging
 * name, height, length, width, weight, maxWeight each), through `createArticle`; it throws when the
 * fulfilment has no items. https://docs.fluentcommerce.com/building-blocks/createarticlesforfulfilment
 *
 * Props `distanceMeasurementUnit` / `weightMeasurementUnit` (optional) convert the dimensions, given
 * in cm and kg (NotifyFulfilmentsInWave's ArticleDetails), into that unit. Each article: ref
 * `<fulfilmentRef>-A<n>`, type DEFAULT, name = packaging_name, `maxWeight` as an attribute, linked
 * to the fulfilment [inferred: ref, type; items are not split across articles].
 */
import { z } from 'zod';
import { defineRule, type Effect } from '../port.js';
import { articleDetails } from './support/articles.js';
import { parseAttributes } from './support/event-attributes.js';
import { fulfilmentItems } from './support/fulfilment-items.js';

const NAME = 'order.CreateArticlesForFulfilment';

/** Factor from the input unit (cm, kg) to each accepted unit name. */
const DISTANCE: Readonly<Record<string, number>> = {
  cm: 1,
  centimetres: 1,
  centimeters: 1,
  mm: 10,
  millimetres: 10,
  millimeters: 10,
  m: 0.01,
  metres: 0.01,
  meters: 0.01,
  in: 1 / 2.54,
  inches: 1 / 2.54,
};
const WEIGHT: Readonly<Record<string, number>> = {
  kg: 1,
  kilograms: 1,
  g: 1000,
  grams: 1000,
  lb: 2.2046226218,
  lbs: 2.2046226218,
  pounds: 2.2046226218,
  oz: 35.27396195,
  ounces: 35.27396195,
};

const unit = (table: Readonly<Record<string, number>>) =>
  z
    .string()
    .trim()
    .transform((u) => u.toLowerCase())
    .refine((u) => table[u] !== undefined, { message: `Expected one of ${Object.keys(table).join(', ')}` })
    .transform((u) => table[u] ?? 1);

const attributes = z.object({ fulfilmentArticles: z.array(articleDetails).min(1) });
const round = (n: number): number => Math.round(n * 1000) / 1000;

export const createArticlesForFulfilment = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateArticlesForFulfilment'],
  inferred: 'article ref and type; items are not assigned to articles',
  description: 'Creates one article per `fulfilmentArticles` entry for the fulfilment, dimensions converted to the props units.',
  props: z
    .object({ distanceMeasurementUnit: unit(DISTANCE).optional(), weightMeasurementUnit: unit(WEIGHT).optional() })
    .nullish()
    .transform((props) => props ?? {}),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    if (fulfilmentItems(read, entity, NAME).length === 0) throw new Error(`${NAME}: no fulfilment items found for fulfilment "${entity.ref ?? entity.id}".`);
    const { fulfilmentArticles } = parseAttributes(event, attributes, NAME);
    const distance = props.distanceMeasurementUnit ?? 1;
    const weight = props.weightMeasurementUnit ?? 1;
    const existing = read.children({ entityType: 'FULFILMENT', id: entity.id, ref: entity.ref }, 'ARTICLE').length;
    return fulfilmentArticles.map(
      (article, index): Effect => ({
        type: 'mutate',
        mutation: 'createArticle',
        input: {
          ref: `${entity.ref ?? entity.id}-A${existing + index + 1}`,
          type: 'DEFAULT',
          name: article.packaging_name,
          length: round(article.length * distance),
          width: round(article.width * distance),
          height: round(article.height * distance),
          weight: round(article.weight * weight),
          fulfilments: [{ id: entity.id }],
          ...(article.maxWeight === undefined ? {} : { attributes: [{ name: 'maxWeight', type: 'STRING', value: String(round(article.maxWeight * weight)) }] }),
        },
      }),
    );
  },
});

/**
 * `commonv2.CopyAttributesFromFulfilmentToArticle` (real ORDER::HD workflows, real-world-usage.md):
 * on an ARTICLE, copies the attributes of the fulfilment(s) it was packed for onto the article
 * (upserted by name) — all of them, or only those named in `attributeNames` [inferred: Fluent
 * publishes no page for this rule; props and behaviour from its name]. Nothing to copy: no effect.
 */
import { z } from 'zod';
import { defineRule, type EntityView } from '../port.js';
import { statusList } from './support/props.js';

const NAME = 'commonv2.CopyAttributesFromFulfilmentToArticle';

type Attribute = { name: string; type: string; value: unknown };

const isAttribute = (a: unknown): a is Attribute =>
  a !== null && typeof a === 'object' && 'name' in a && typeof a.name === 'string' && 'type' in a && typeof a.type === 'string' && 'value' in a;

const attributesOf = (fulfilment: Readonly<EntityView>): Attribute[] => {
  const list = fulfilment.fields['attributes'];
  return Array.isArray(list) ? list.filter(isAttribute) : [];
};

export const copyAttributesFromFulfilmentToArticle = defineRule({
  name: NAME,
  inferred: 'whole behaviour and the optional attributeNames prop',
  description: "Copies the attributes of the article's fulfilment(s) (or only props.attributeNames) onto the article.",
  // A list of names, written like a status list ("A, B" or ["A","B"]).
  props: z
    .object({ attributeNames: statusList.optional() })
    .nullish()
    .transform((props) => props ?? {}),
  run: ({ entity, props, read }) => {
    if (entity.entityType !== 'ARTICLE') throw new Error(`${NAME} runs on ARTICLE, not ${entity.entityType}.`);
    const copied = new Map<string, Attribute>();
    for (const link of read.related({ entityType: 'ARTICLE', id: entity.id, ref: entity.ref }, 'fulfilments')) {
      const fulfilment = read.find({ entityType: 'FULFILMENT', id: String(link['id']) });
      for (const a of fulfilment ? attributesOf(fulfilment) : []) if (props.attributeNames?.includes(a.name) ?? true) copied.set(a.name, a);
    }
    if (copied.size === 0) return [];
    return [{ type: 'setAttributes', target: { entityType: 'ARTICLE', id: entity.id, ref: entity.ref }, attributes: [...copied.values()] }];
  },
});

/**
 * `base.AddArticleToStorageArea` [simulator]: the storage-area step of the click & collect
 * `ARTICLE_ARRIVED` event (workflow-contracts.md §8, M: attribute `storageAreaRef` String required;
 * the article is added to that storage area). No Fluent rule of this name is known, and the 23.10
 * schema's UpdateArticleInput cannot link a storage area, so the simulator records the area as the
 * article attribute `storageAreaRef` [inferred]. A missing `storageAreaRef` fails the event.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';
import { requiredText } from './support/event-attributes.js';

const NAME = 'base.AddArticleToStorageArea';

export const addArticleToStorageArea = defineRule({
  name: NAME,
  inferred: 'the whole rule (a simulator rule); the area is kept as the article attribute storageAreaRef',
  description: 'Records the event attribute storageAreaRef (required) as the article attribute storageAreaRef.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    if (entity.entityType !== 'ARTICLE') throw new Error(`${NAME} runs on ARTICLE, not ${entity.entityType}.`);
    const storageAreaRef = requiredText(event, 'storageAreaRef', NAME);
    return [{ type: 'setAttributes', target: entityKey(entity), attributes: [{ name: 'storageAreaRef', type: 'STRING', value: storageAreaRef }] }];
  },
});

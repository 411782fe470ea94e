/**
 * `commonv2.AddEventAttributesToEntity`: copies the current event's attributes onto the current
 * entity as entity attributes (upserted by name, as GraphQL updates do).
 *
 * Known only by name from real ORDER::HD workflows (real-world-usage.md); no Fluent page
 * documents its props, so any props are accepted and ignored, and every event attribute is copied
 * [inferred from the name]. Attribute types follow the value: STRING, INTEGER, FLOAT, BOOLEAN or JSON.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';

function attributeType(value: unknown): string {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'JSON';
}

export const addEventAttributesToEntity = defineRule({
  name: 'commonv2.AddEventAttributesToEntity',
  description: 'Upserts every event attribute as an attribute of the event entity.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    const attributes = Object.entries(event.attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ({ name, type: attributeType(value), value }));
    return attributes.length === 0 ? [] : [{ type: 'setAttributes', target: entityKey(entity), attributes }];
  },
});

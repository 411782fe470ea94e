/**
 * `commonv2.AddEventAttributesToEntity`: copies event attributes onto the current entity as entity
 * attributes (upserted by name, as GraphQL updates do).
 *
 * Known by name and props from real ORDER::HD workflows (real-world-usage.md); no Fluent page
 * documents it, so the meaning of its props is [inferred]:
 * - `attributeNames`: the event attributes to copy, in order (a JSON list or "a, b"); without it,
 *   every event attribute is copied;
 * - `attributeTypes`: the attribute type for the name at the same position (STRING, INTEGER,
 *   FLOAT, BOOLEAN, JSON, …); a missing position takes the type of the value; numeric and boolean
 *   types turn a text value into a number or boolean;
 * - `attributeDefaultValues`: the value for the name at the same position when the event lacks it;
 *   a name with neither an event value nor a default is not written.
 * Other props are refused when the workflow loads, so the rule never runs having ignored one.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';

const list = <T extends z.ZodType>(item: T) => z.union([z.array(item), z.string().transform((s) => s.split(',').map((v) => v.trim()))]);

const props = z
  .strictObject({
    attributeNames: list(z.string().trim().min(1)).optional(),
    attributeTypes: list(z.string().trim().min(1)).optional(),
    attributeDefaultValues: list(z.unknown()).optional(),
  })
  .nullish()
  .transform((p) => p ?? {})
  .refine((p) => p.attributeNames !== undefined || (p.attributeTypes === undefined && p.attributeDefaultValues === undefined), {
    message: 'attributeTypes and attributeDefaultValues need attributeNames',
  })
  .refine(
    (p) => (p.attributeTypes?.length ?? 0) <= (p.attributeNames?.length ?? 0) && (p.attributeDefaultValues?.length ?? 0) <= (p.attributeNames?.length ?? 0),
    {
      message: 'attributeTypes and attributeDefaultValues may not be longer than attributeNames',
    },
  );

function typeOf(value: unknown): string {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'JSON';
}

/** A text value written under a numeric or boolean type becomes that type when it parses. */
function asType(value: unknown, type: string): unknown {
  if (typeof value !== 'string') return value;
  if (['INTEGER', 'LONG', 'FLOAT', 'DOUBLE', 'NUMBER'].includes(type) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'BOOLEAN' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
  return value;
}

const present = (value: unknown): boolean => value !== undefined && value !== null;

export const addEventAttributesToEntity = defineRule({
  name: 'commonv2.AddEventAttributesToEntity',
  inferred: 'the meaning of attributeNames / attributeTypes / attributeDefaultValues',
  description: 'Upserts event attributes (props.attributeNames, or all) as attributes of the event entity, with types and defaults.',
  props,
  run: ({ event, entity, props: p }) => {
    const names = p.attributeNames ?? Object.keys(event.attributes);
    const attributes = names.flatMap((name, i) => {
      const value = present(event.attributes[name]) ? event.attributes[name] : p.attributeDefaultValues?.[i];
      if (!present(value) || (value === '' && !present(event.attributes[name]))) return [];
      const type = p.attributeTypes?.[i] ?? typeOf(value);
      return [{ name, type, value: asType(value, type) }];
    });
    return attributes.length === 0 ? [] : [{ type: 'setAttributes', target: entityKey(entity), attributes }];
  },
});

/**
 * The condition language of `branch` blocks, parsed from JSON. A condition is an object with one
 * key naming its kind:
 *
 * - `{"always": true}`
 * - `{"statusIn": ["BOOKED"] | "{{props.statusList}}", "of"?: "entity"|"order"|"root"}`
 * - `{"attribute": "name", "of"?: "entity"|"order"|"root"|"event", "equals"|"in"|"exists": …}`
 * - `{"path": "fulfilmentChoice.deliveryType" | "event.attributes.x", "equals"|"in"|"exists": …}`
 * - `{"allFulfilments"|"anyFulfilment"|"allItems"|"anyItem": <condition on each child>}`
 * - `{"all": [conditions]}`, `{"any": [conditions]}`, `{"not": condition}`
 *
 * Problems are collected as `[json path, message]`; nothing throws here.
 */
import { z } from 'zod';
import { ENTITY_TARGETS, type Condition } from './stub-types.js';

export const CONDITION_KINDS = [
  'always',
  'statusIn',
  'attribute',
  'path',
  'allFulfilments',
  'anyFulfilment',
  'allItems',
  'anyItem',
  'all',
  'any',
  'not',
] as const;

export type Problems = [PropertyKey[], string][];

/** Dotted names and indexes: `a.b`, `items[0].ref`, `$.x`, `attributes.byName.size`, `event.attributes.x`. */
const JSON_PATH = /^(\$\.)?[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\.\d+|\[\d+\])*$/;

export function jsonPathProblem(path: string): string | undefined {
  if (JSON_PATH.test(path.trim())) return undefined;
  return `"${path}" is not a JSON path the simulator reads: use dotted field names and [n] indexes, e.g. "fulfilmentChoice.deliveryType", "items[0].ref", "attributes.byName.giftWrap" or "event.attributes.reason"`;
}

const valueTest = {
  equals: z.unknown().optional(),
  in: z.unknown().optional(),
  exists: z.boolean().optional(),
};
const statusInSchema = z.strictObject({ statusIn: z.union([z.string(), z.array(z.string())]), of: z.enum(ENTITY_TARGETS).default('entity') });
const attributeSchema = z.strictObject({ attribute: z.string().min(1), of: z.enum([...ENTITY_TARGETS, 'event']).default('entity'), ...valueTest });
const pathSchema = z.strictObject({ path: z.string().min(1), ...valueTest });

function zodProblems(error: z.ZodError, path: PropertyKey[]): Problems {
  return error.issues.map((issue) => [[...path, ...issue.path], issue.message]);
}

function checkValueTest(test: { equals?: unknown; in?: unknown; exists?: boolean | undefined }, path: PropertyKey[], problems: Problems): void {
  const given = (['equals', 'in', 'exists'] as const).filter((key) => test[key] !== undefined);
  if (given.length !== 1) problems.push([path, `give exactly one of "equals", "in" or "exists" (got ${given.length === 0 ? 'none' : given.join(', ')})`]);
}

export function parseCondition(value: unknown, path: PropertyKey[], problems: Problems): Condition {
  const fallback: Condition = { type: 'always', value: false };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push([path, `expected a condition object; allowed conditions: ${CONDITION_KINDS.join(', ')}`]);
    return fallback;
  }
  const record = value as Record<string, unknown>;
  const kind = CONDITION_KINDS.find((candidate) => candidate in record);
  if (!kind) {
    problems.push([path, `unknown condition {${Object.keys(record).map((k) => `"${k}"`).join(', ')}}; allowed conditions: ${CONDITION_KINDS.join(', ')}`]);
    return fallback;
  }
  switch (kind) {
    case 'always': {
      const parsed = z.strictObject({ always: z.boolean() }).safeParse(record);
      if (!parsed.success) problems.push(...zodProblems(parsed.error, path));
      return parsed.success ? { type: 'always', value: parsed.data.always } : fallback;
    }
    case 'statusIn': {
      const parsed = statusInSchema.safeParse(record);
      if (!parsed.success) problems.push(...zodProblems(parsed.error, path));
      return parsed.success ? { type: 'statusIn', statuses: parsed.data.statusIn, of: parsed.data.of } : fallback;
    }
    case 'attribute': {
      const parsed = attributeSchema.safeParse(record);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, path));
        return fallback;
      }
      checkValueTest(parsed.data, path, problems);
      const { attribute, of, ...test } = parsed.data;
      return { type: 'attribute', name: attribute, of, ...test };
    }
    case 'path': {
      const parsed = pathSchema.safeParse(record);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, path));
        return fallback;
      }
      checkValueTest(parsed.data, path, problems);
      const problem = jsonPathProblem(parsed.data.path);
      if (problem) problems.push([[...path, 'path'], problem]);
      const { path: jsonPath, ...test } = parsed.data;
      return { type: 'path', path: jsonPath, ...test };
    }
    case 'allFulfilments':
    case 'anyFulfilment':
    case 'allItems':
    case 'anyItem': {
      if (Object.keys(record).length !== 1) problems.push([path, `"${kind}" takes one condition and nothing beside it`]);
      return {
        type: kind.startsWith('all') ? 'every' : 'some',
        over: kind.endsWith('Item') || kind.endsWith('Items') ? 'items' : 'fulfilments',
        condition: parseCondition(record[kind], [...path, kind], problems),
      };
    }
    case 'all':
    case 'any': {
      const list = record[kind];
      if (!Array.isArray(list) || Object.keys(record).length !== 1) {
        problems.push([path, `"${kind}" takes a list of conditions and nothing beside it`]);
        return fallback;
      }
      return { type: kind, conditions: list.map((item, index) => parseCondition(item, [...path, kind, index], problems)) };
    }
    case 'not':
      if (Object.keys(record).length !== 1) problems.push([path, '"not" takes one condition and nothing beside it']);
      return { type: 'not', condition: parseCondition(record['not'], [...path, 'not'], problems) };
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

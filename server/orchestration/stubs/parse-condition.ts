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
import { isRecord } from '../../lib/guards.js';
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

type Parser = (record: Record<string, unknown>, path: PropertyKey[], problems: Problems) => Condition;
const NEVER: Condition = { type: 'always', value: false };

/** Parses `record` with `schema`; problems are recorded and the condition never holds. */
function withSchema<T>(schema: z.ZodType<T>, build: (data: T, path: PropertyKey[], problems: Problems) => Condition): Parser {
  return (record, path, problems) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, path));
      return NEVER;
    }
    return build(parsed.data, path, problems);
  };
}

/** `allFulfilments` and friends: one condition, evaluated on each child. */
function overChildren(kind: 'allFulfilments' | 'anyFulfilment' | 'allItems' | 'anyItem'): Parser {
  return (record, path, problems) => {
    if (Object.keys(record).length !== 1) problems.push([path, `"${kind}" takes one condition and nothing beside it`]);
    return {
      type: kind.startsWith('all') ? 'every' : 'some',
      over: kind.endsWith('Fulfilment') || kind.endsWith('Fulfilments') ? 'fulfilments' : 'items',
      condition: parseCondition(record[kind], [...path, kind], problems),
    };
  };
}

function combining(kind: 'all' | 'any'): Parser {
  return (record, path, problems) => {
    const list = record[kind];
    if (!Array.isArray(list) || Object.keys(record).length !== 1) {
      problems.push([path, `"${kind}" takes a list of conditions and nothing beside it`]);
      return NEVER;
    }
    return { type: kind, conditions: list.map((item, index) => parseCondition(item, [...path, kind, index], problems)) };
  };
}

const PARSERS: Record<(typeof CONDITION_KINDS)[number], Parser> = {
  always: withSchema(z.strictObject({ always: z.boolean() }), (data) => ({ type: 'always', value: data.always })),
  statusIn: withSchema(statusInSchema, (data) => ({ type: 'statusIn', statuses: data.statusIn, of: data.of })),
  attribute: withSchema(attributeSchema, ({ attribute, of, ...test }, path, problems) => {
    checkValueTest(test, path, problems);
    return { type: 'attribute', name: attribute, of, ...test };
  }),
  path: withSchema(pathSchema, ({ path: jsonPath, ...test }, path, problems) => {
    checkValueTest(test, path, problems);
    const problem = jsonPathProblem(jsonPath);
    if (problem) problems.push([[...path, 'path'], problem]);
    return { type: 'path', path: jsonPath, ...test };
  }),
  allFulfilments: overChildren('allFulfilments'),
  anyFulfilment: overChildren('anyFulfilment'),
  allItems: overChildren('allItems'),
  anyItem: overChildren('anyItem'),
  all: combining('all'),
  any: combining('any'),
  not: (record, path, problems) => {
    if (Object.keys(record).length !== 1) problems.push([path, '"not" takes one condition and nothing beside it']);
    return { type: 'not', condition: parseCondition(record['not'], [...path, 'not'], problems) };
  },
};

export function parseCondition(value: unknown, path: PropertyKey[], problems: Problems): Condition {
  if (!isRecord(value)) {
    problems.push([path, `expected a condition object; allowed conditions: ${CONDITION_KINDS.join(', ')}`]);
    return NEVER;
  }
  const record = value;
  const kind = CONDITION_KINDS.find((candidate) => candidate in record);
  if (!kind) {
    problems.push([
      path,
      `unknown condition {${Object.keys(record)
        .map((k) => `"${k}"`)
        .join(', ')}}; allowed conditions: ${CONDITION_KINDS.join(', ')}`,
    ]);
    return NEVER;
  }
  return PARSERS[kind](record, path, problems);
}

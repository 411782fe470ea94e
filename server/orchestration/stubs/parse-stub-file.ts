/**
 * Reads and validates a rule-stub file (`--rule-stubs FILE`, `POST /_sim/rule-stubs`):
 *
 * ```json
 * { "rules": [ { "name": "ACME.acme.CheckOrderStatus", "props": ["statusList", "eventName"],
 *                "do": [ { "branch": { "if": { "statusIn": "{{props.statusList}}" },
 *                                      "then": [ { "sendEvent": { "name": "{{props.eventName}}" } } ] } } ] } ] }
 * ```
 *
 * Every problem names the file and the JSON pointer of the offending value and, for blocks and
 * conditions, the allowed ones; all problems are reported at once. It only checks and converts:
 * installing the stubs into a registry is `install-stubs.ts`.
 */
import { z } from 'zod';
import { SimError } from '../../domain/errors.js';
import { errorMessage, isRecord } from '../../lib/guards.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import { locate } from '../json-pointer.js';
import { parseCondition, type Problems } from './parse-condition.js';
import { templateProblems } from './stub-template.js';
import { ENTITY_TARGETS, SEND_TARGETS, type Block, type RuleStub, type StubFile, type StubProp } from './stub-types.js';

export const BLOCK_KINDS = ['sendEvent', 'branch', 'setStatus', 'setAttributes', 'mutate', 'webhook', 'noop'] as const;
type BlockKind = (typeof BLOCK_KINDS)[number];

const text = z.string().trim().min(1);
const BODIES = {
  sendEvent: z.strictObject({
    name: text,
    to: z.enum(SEND_TARGETS).default('entity'),
    delay: z.union([z.number().nonnegative(), text]).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  }),
  branch: z.strictObject({ label: z.string().optional(), if: z.unknown(), then: z.array(z.unknown()).default([]), else: z.array(z.unknown()).default([]) }),
  setStatus: z.strictObject({ status: text, on: z.enum(ENTITY_TARGETS).default('entity') }),
  setAttributes: z.strictObject({ attributes: z.record(z.string(), z.unknown()), on: z.enum(ENTITY_TARGETS).default('entity') }),
  mutate: z.strictObject({ mutation: text, input: z.record(z.string(), z.unknown()) }),
  webhook: z.union([z.strictObject({ setting: text }), z.strictObject({ name: text, url: text })], {
    error: 'expected {"setting": "<setting holding {name, url}>"} or {"name": "<webhook name>", "url": "<endpoint>"}',
  }),
  noop: z.union([z.string(), z.strictObject({ note: z.string().optional() })]),
} satisfies Record<BlockKind, z.ZodType>;

const propSpec = z.strictObject({
  required: z.boolean().optional(),
  default: z.unknown().optional(),
  example: z.unknown().optional(),
  uses: z.number().optional(),
  description: z.string().optional(),
});
const entrySchema = z.strictObject({
  name: text,
  description: z.string().optional(),
  override: z.boolean().default(false),
  uses: z.number().optional(),
  props: z.union([z.array(text), z.record(z.string(), propSpec.nullable())]).default({}),
  do: z.array(z.unknown(), { error: 'expected "do" to be a list of building blocks' }),
});
const fileSchema = z.looseObject({ rules: z.array(z.unknown(), { error: 'expected "rules" to be a list of rule stubs' }) });

function zodProblems(error: z.ZodError, path: PropertyKey[]): Problems {
  return error.issues.map((issue) => [[...path, ...issue.path], issue.message]);
}

const isBlockKind = (kind: string): kind is BlockKind => BLOCK_KINDS.some((known) => known === kind);

function parseBlock(value: unknown, path: PropertyKey[], problems: Problems): Block | undefined {
  const allowed = `allowed blocks: ${BLOCK_KINDS.join(', ')}`;
  const [entry, ...others] = isRecord(value) ? Object.entries(value) : [];
  if (entry === undefined || others.length > 0) {
    problems.push([path, `expected a building block, an object with one key; ${allowed}`]);
    return undefined;
  }
  const [kind, body] = entry;
  if (!isBlockKind(kind)) {
    problems.push([path, `unknown block "${kind}"; ${allowed}`]);
    return undefined;
  }
  return TO_BLOCK[kind](body, [...path, kind], problems);
}

type ToBlock = (body: unknown, at: PropertyKey[], problems: Problems) => Block | undefined;

/** A block's body checked against `schema`, then turned into a Block by `convert`. */
function toBlock<S extends z.ZodType>(schema: S, convert: (body: z.output<S>, at: PropertyKey[], problems: Problems) => Block): ToBlock {
  return (body, at, problems) => {
    const parsed = z.safeParse(schema, body);
    if (parsed.success) return convert(parsed.data, at, problems);
    problems.push(...zodProblems(parsed.error, at));
    return undefined;
  };
}

const TO_BLOCK: Record<BlockKind, ToBlock> = {
  sendEvent: toBlock(BODIES.sendEvent, (body, at, problems) => {
    if (typeof body.delay === 'string' && !body.delay.includes('{{') && !/^\d+(\.\d+)?$/.test(body.delay) && parseIsoDuration(body.delay) === undefined) {
      problems.push([[...at, 'delay'], `expected seconds ("600") or an ISO-8601 duration ("PT10M"), got "${body.delay}"`]);
    }
    return { type: 'sendEvent', name: body.name, to: body.to, delay: body.delay, attributes: body.attributes };
  }),
  branch: toBlock(BODIES.branch, (body, at, problems) => ({
    type: 'branch',
    label: body.label,
    if: parseCondition(body.if, [...at, 'if'], problems),
    then: parseBlocks(body.then, [...at, 'then'], problems),
    else: parseBlocks(body.else, [...at, 'else'], problems),
    pointer: '',
  })),
  setStatus: toBlock(BODIES.setStatus, (body) => ({ type: 'setStatus', ...body })),
  setAttributes: toBlock(BODIES.setAttributes, (body) => ({ type: 'setAttributes', ...body })),
  mutate: toBlock(BODIES.mutate, (body) => ({ type: 'mutate', ...body })),
  webhook: toBlock(BODIES.webhook, (body: { setting?: string; name?: string; url?: string }) => ({
    type: 'webhook',
    setting: body.setting,
    name: body.name,
    url: body.url,
  })),
  noop: toBlock(BODIES.noop, (body) => ({ type: 'noop', note: typeof body === 'string' ? body : body.note })),
};

function parseBlocks(list: readonly unknown[], path: PropertyKey[], problems: Problems): Block[] {
  return list.flatMap((item, index) => parseBlock(item, [...path, index], problems) ?? []);
}

/** Branch blocks learn where they are (`#/rules/0/do/1/branch`) for their audit. */
function locateBranches(blocks: Block[], source: string, path: PropertyKey[]): void {
  blocks.forEach((block, index) => {
    if (block.type !== 'branch') return;
    const at = [...path, index, 'branch'];
    block.pointer = locate(source, at).slice(source.length);
    locateBranches(block.then, source, [...at, 'then']);
    locateBranches(block.else, source, [...at, 'else']);
  });
}

function parseEntry(value: unknown, path: PropertyKey[], source: string, problems: Problems): RuleStub | undefined {
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, path));
    return undefined;
  }
  const entry = parsed.data;
  const props: Record<string, StubProp> = Array.isArray(entry.props)
    ? Object.fromEntries(entry.props.map((name) => [name, { required: true }]))
    : Object.fromEntries(
        Object.entries(entry.props).map(([name, spec]) => {
          const hasDefault = spec?.default !== undefined;
          const prop: StubProp = { required: spec?.required ?? !hasDefault };
          if (hasDefault) prop.default = spec?.default;
          return [name, prop];
        }),
      );
  const blocks = parseBlocks(entry.do, [...path, 'do'], problems);
  problems.push(...templateProblems(entry.do, [...path, 'do'], Object.keys(props)));
  locateBranches(blocks, source, [...path, 'do']);
  return { name: entry.name, description: entry.description, override: entry.override, props, do: blocks, location: locate(source, path) };
}

/**
 * @param json the parsed file, or its text
 * @param source where it came from, for messages (`stubs.json`, `request body`)
 * @throws SimError VALIDATION_FAILED listing every problem as `source#/pointer: message`
 */
export function parseStubFile(json: unknown, source: string): StubFile {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new SimError('VALIDATION_FAILED', `${source}: not valid JSON (${errorMessage(error)})`);
    }
  }
  const problems: Problems = [];
  const file = fileSchema.safeParse(value);
  if (!file.success) {
    const message = `${source}#: expected a rule-stub file {"rules": [{"name", "props", "do": [building blocks]}]}`;
    throw new SimError('VALIDATION_FAILED', message);
  }
  const rules: RuleStub[] = [];
  const seen = new Map<string, number>();
  file.data.rules.forEach((entry, index) => {
    const stub = parseEntry(entry, ['rules', index], source, problems);
    if (!stub) return;
    const first = seen.get(stub.name);
    if (first !== undefined) problems.push([['rules', index, 'name'], `"${stub.name}" is already stubbed at #/rules/${first}`]);
    seen.set(stub.name, first ?? index);
    rules.push(stub);
  });
  if (problems.length > 0) {
    const lines = problems.map(([path, message]) => `${locate(source, path)}: ${message}`);
    throw new SimError('VALIDATION_FAILED', lines.join('\n'), { details: { source, problems: lines } });
  }
  return { source, rules };
}

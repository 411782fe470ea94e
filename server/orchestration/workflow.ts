/**
 * Fluent's workflow JSON (fluent-platform.md §5.1): its zod schema, its TypeScript type and
 * `parseWorkflow`.
 *
 * Lenient where real files are messy and the platform accepts them (real-world-usage.md
 * "Workflows as customers really write them"): statuses with an empty or missing name,
 * `"props": null`, user actions without `eventName`, extra keys anywhere (kept as they are),
 * `retailerId`/`version` as a number or a string, a missing `statuses` array. Strict only on
 * what the engine needs to run: `entityType`, the `rulesets` array, each ruleset's `name`, each
 * ruleset's `rules` array and each rule's `name`.
 *
 * This module only checks shape. Rule names and props are checked against the rule registry by
 * `compile-workflow.ts`.
 */
import { z } from 'zod';
import { SimError } from '../domain/errors.js';
import { locate } from './json-pointer.js';

/** A string or a number on the wire, a string inside (ids and versions arrive both ways). */
const stringOrNumber = z.union([z.string(), z.number()]).transform(String);

/** `{ "name": "BOOKED", "entityType": "ORDER", "category": "BOOKING" }`; names may be empty in real files. */
export const workflowStatusSchema = z.looseObject({
  name: z.string().nullish(),
  entityType: z.string().nullish(),
  category: z.string().nullish(),
});

/** `{ "status": "CREATED" }`. */
export const workflowTriggerSchema = z.looseObject({
  status: z.string().nullish(),
});

/**
 * `{ "name": "<ACCOUNT>.<ns>.<Rule>", "props": {…} }`; `"props": null` (or none) is common and
 * means no props. It is kept as written, so a GET returns the workflow as it was PUT.
 */
export const workflowRuleSchema = z.looseObject({
  name: z.string({ error: 'expected the rule name as a string, e.g. "ACME.core.SetState"' }).min(1, { error: 'the rule name must not be empty' }),
  props: z.record(z.string(), z.unknown(), { error: 'expected props to be an object or null' }).nullish(),
});

/** User actions only drive the Fluent web apps; kept as given, `eventName` may be missing. */
export const workflowUserActionSchema = z.looseObject({
  eventName: z.string().nullish(),
  label: z.string().nullish(),
  type: z.string().nullish(),
  attributes: z.array(z.unknown()).nullish(),
});

export const workflowRulesetSchema = z.looseObject({
  name: z.string({ error: 'expected the ruleset name (the event name it handles) as a string' }).min(1, { error: 'the ruleset name must not be empty' }),
  description: z.string().nullish(),
  /** The entity type the ruleset applies to (ORDER, FULFILMENT, …); defaults to the workflow's. */
  type: z.string().nullish(),
  /** Absent or empty: any subtype (fluent-platform.md §5.3). */
  subtype: z.string().nullish(),
  eventType: z.string().nullish(),
  /** Empty or absent: any status (fluent-platform.md §3.2, run-once workflows). */
  triggers: z
    .array(workflowTriggerSchema, { error: 'expected triggers to be an array of {"status": …}' })
    .nullish()
    .transform((triggers) => triggers ?? []),
  rules: z.array(workflowRuleSchema, { error: 'expected rules to be an array of {"name", "props"}' }),
  userActions: z.array(workflowUserActionSchema).nullish(),
});

export const workflowSchema = z
  .looseObject({
    retailerId: stringOrNumber.nullish(),
    version: stringOrNumber.nullish(),
    entityType: z.string({ error: 'expected entityType as a string, e.g. "ORDER"' }).min(1, { error: 'entityType must not be empty' }),
    entitySubtype: z.string().nullish(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    versionComment: z.string().nullish(),
    createdBy: z.string().nullish(),
    createdOn: stringOrNumber.nullish(),
    id: stringOrNumber.nullish(),
    statuses: z
      .array(workflowStatusSchema, { error: 'expected statuses to be an array' })
      .nullish()
      .transform((statuses) => statuses ?? []),
    rulesets: z.array(workflowRulesetSchema, { error: 'expected rulesets to be an array' }),
    settings: z.unknown().optional(),
  })
  .transform((workflow) => ({
    ...workflow,
    // "If you leave this field blank, the system will generate a name based on the following
    // format: entityType::entitySubtype" (fluent-platform.md §5.1).
    name: workflow.name || defaultWorkflowName(workflow.entityType, workflow.entitySubtype),
  }));

export type Workflow = z.output<typeof workflowSchema>;
export type WorkflowRuleset = z.output<typeof workflowRulesetSchema>;
export type WorkflowRule = z.output<typeof workflowRuleSchema>;
export type WorkflowStatus = z.output<typeof workflowStatusSchema>;

/** `ORDER::HD`; a workflow without subtype (run-once workflows) is named after its entity type. */
export function defaultWorkflowName(entityType: string, entitySubtype: string | null | undefined): string {
  return entitySubtype ? `${entityType}::${entitySubtype}` : entityType;
}

/** How many zod issues a WORKFLOW_INVALID message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 5;

/**
 * Parses workflow JSON (an object, or its text) into a `Workflow`.
 *
 * @param source where it came from, used in messages: `rulesets/order-hd.json`, `request body`, …
 * @throws SimError('WORKFLOW_INVALID') whose message starts with `source#/json/pointer: …`
 * @example parseWorkflow(JSON.parse(text), 'rulesets/order-hd.json')
 */
export function parseWorkflow(json: unknown, source: string): Workflow {
  const value = typeof json === 'string' ? parseJsonText(json, source) : json;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SimError('WORKFLOW_INVALID', `${source}#: expected a workflow JSON object`);
  }
  // A workflow parses once per load or PUT: zod's compiled fast path costs more to build than it saves (issue 17).
  const result = workflowSchema.safeParse(value, { jitless: true });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${locate(source, issue.path)}: ${issue.message}`);
  const shown = lines.slice(0, MAX_LISTED_ISSUES);
  const more = lines.length - shown.length;
  const message = more > 0 ? `${shown.join('; ')}; and ${more} more problem(s)` : shown.join('; ');
  throw new SimError('WORKFLOW_INVALID', message, { details: { source, problems: lines } });
}

function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SimError('WORKFLOW_INVALID', `${source}: not valid JSON (${reason})`, { cause: error });
  }
}

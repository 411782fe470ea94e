/**
 * Loads a seed file: a JSON document `{ "steps": [ { "mutation": "createRetailer", "input": {…} } ] }`
 * whose steps are run in order through the same code as the GraphQL API, so seeded entities
 * raise their CREATE events and reach their statuses through the workflows. `"as": "name"`
 * remembers a step's result; later inputs may use `"$name.id"` in any string value.
 */
import { readFileSync } from 'node:fs';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { runCommand } from '../domain/commands/run-command.js';
import { errorMessage, propertyOf } from '../lib/guards.js';
import { MAX_JSON_DEPTH, unsavableAt } from '../lib/json-depth.js';

export type SeedStep = { mutation: string; input: Record<string, unknown>; as?: string };
/**
 * `records` holds entities no mutation creates (Permission, Currency), by type name; `workflows`
 * are loaded (file semantics: their own versions kept) before the steps run, so the steps'
 * CREATE events run on them.
 */
export type SeedFile = { description?: string; records?: Record<string, Record<string, unknown>[]>; workflows?: unknown[]; steps: SeedStep[] };

export function readSeedFile(path: string): SeedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `Seed file ${path} cannot be read (${String(propertyOf(error, 'code') ?? 'error')})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never echo the file: JSON.parse's message quotes its first characters.
    throw new SimError('CONFIG_INVALID', `Seed file ${path} is not valid JSON`);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(propertyOf(parsed, 'steps'))) {
    throw new SimError('CONFIG_INVALID', `Seed file ${path} must be an object with a "steps" array`);
  }
  // The same check as every JSON body (issue 16 #3): such a value, once stored, breaks every save.
  const unsavable = unsavableAt(parsed);
  if (unsavable?.reason === 'deep') {
    throw new SimError('CONFIG_INVALID', `Seed file ${path} nests JSON deeper than ${MAX_JSON_DEPTH} levels at '${unsavable.pointer}'`);
  }
  if (unsavable) throw new SimError('CONFIG_INVALID', `Seed file ${path} holds a number that is not finite at '${unsavable.pointer}'`);
  // A seed file is trusted configuration: only its `steps` list is checked here; each step's mutation and input are
  // checked when it runs (runCommand coerces them against the schema, as GraphQL does).
  return parsed as SeedFile;
}

export type ApplySeedOptions = {
  /** Called after each step with the number of steps done. */
  onStep?: (done: number) => void;
  /** Drain the engine's queue every this many steps, so a large seed's CREATE events never pile up. */
  drainEvery?: number;
  /** Let other requests run every this many steps (a seed document sent over HTTP). */
  yieldEvery?: number;
  /** The CREATE events the steps raise are quiet (SubmitOptions.quiet): audits only for failures. */
  quiet?: boolean;
};

export async function applySeed(account: Account, seed: SeedFile, source: string, options: ApplySeedOptions = {}): Promise<void> {
  for (const [typename, records] of Object.entries(seed.records ?? {})) {
    if (!account.model.isStored(typename)) throw new SimError('CONFIG_INVALID', `${source}#/records/${typename}: no such stored type`);
    for (const r of records) account.store.put({ ...r, __typename: typename, id: account.ids.nextNumeric(typename) });
  }
  for (const [i, workflow] of (seed.workflows ?? []).entries()) account.orchestration?.workflows.load(workflow, `${source}#/workflows/${i}`);
  const named = new Map<string, object>();
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('$')) {
      const [name, field] = value.slice(1).split('.');
      const target = named.get(name ?? '');
      if (target && field) return propertyOf(target, field);
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    return value;
  };
  for (const [i, step] of seed.steps.entries()) {
    try {
      const run = (): unknown => runCommand(account, step.mutation, { input: substitute(step.input) });
      const engine = account.orchestration?.engine;
      const result = options.quiet && engine ? engine.quietly(run) : run();
      if (step.as && result && typeof result === 'object') named.set(step.as, result);
    } catch (error) {
      throw new SimError('CONFIG_INVALID', `${source}#/steps/${i} (${step.mutation}): ${errorMessage(error)}`, { cause: error });
    }
    if (options.drainEvery && (i + 1) % options.drainEvery === 0) await account.orchestration?.engine.drain();
    if (options.yieldEvery && (i + 1) % options.yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    options.onStep?.(i + 1);
  }
}

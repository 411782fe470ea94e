/**
 * The rule registry: rules by name and alias, resolved the way real workflows write them
 * (`rule-name.ts`), the unknown-rule policy, props validation at load time, and the catalogue
 * served at `/_sim/rules` (design.md §4, style.md §8).
 *
 * It never runs rules: the engine does. It never reads workflows from disk: the workflow store does.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { SimError } from '../domain/errors.js';
import { isRecord, propertyOf } from '../lib/guards.js';
import { locate } from './json-pointer.js';
import { defineRule, type Rule, type AnyRule } from './rule.js';
import { ruleModule } from './rule-module.js';
import { bareName, closestNames, ruleLookup } from './rule-name.js';
import type { WorkflowRule } from './workflow.js';

/**
 * What to do with a rule name the simulator does not know (design.md §4).
 * - `error`: refuse the workflow, naming the rule, where it is, and close known names.
 * - `skip`: run a no-op placeholder; its `rule` audit event says it was not simulated.
 */
export type UnknownRulePolicy = 'error' | 'skip';

export type RuleResolution =
  | { type: 'found'; rule: AnyRule; key: string }
  /** `suggestions` (close known names) are computed when first read. */
  | { type: 'unknown'; lookedUp: string; suggestions: string[] }
  | { type: 'ambiguous'; lookedUp: string; candidates: string[] };

/** One workflow rule bound to its implementation, with props parsed by the rule's schema. */
export type CompiledRule = {
  /** As written in the workflow (`ACME.core.SetState`). */
  name: string;
  /** The registry key it resolved to (`core.SetState`); undefined for a placeholder. */
  resolvedAs: string | undefined;
  /** False when the unknown-rule policy put a no-op placeholder here. */
  simulated: boolean;
  rule: AnyRule;
  props: unknown;
  /** `source#/rulesets/3/rules/0`. */
  location: string;
};

export type RuleCatalogueEntry = {
  name: string;
  aliases: string[];
  /** The Fluent plugin the rule belongs to (rule-module.ts). */
  module: string;
  description: string;
  /** What the simulator chose where Fluent's docs are silent; null when fully documented. */
  inferred: string | null;
  props: unknown;
};

export interface RuleRegistry {
  readonly unknownRulePolicy: UnknownRulePolicy;
  resolve(writtenName: string): RuleResolution;
  /**
   * Binds a workflow rule: resolves the name, applies the unknown-rule policy, parses props.
   * @throws SimError RULE_NOT_FOUND (policy `error`) or WORKFLOW_INVALID (bad props)
   */
  compileRule(rule: WorkflowRule, where: { source: string; path: readonly PropertyKey[]; rulesetName: string }): CompiledRule;
  /** Adds (user) rules; a rule whose name or alias is already known replaces it. */
  add(rules: readonly AnyRule[]): void;
  rules(): readonly AnyRule[];
  /** Every registry key (names and aliases), sorted. */
  keys(): string[];
  catalogue(): RuleCatalogueEntry[];
}

export type RuleRegistryOptions = {
  /** @default 'error' */
  unknownRulePolicy?: UnknownRulePolicy;
};

/**
 * @example const registry = createRuleRegistry([...BUILTIN_RULES], { unknownRulePolicy: 'skip' });
 * @throws SimError CONFIG_INVALID when two built-in rules claim the same name or alias
 */
export function createRuleRegistry(rules: readonly AnyRule[], options: RuleRegistryOptions = {}): RuleRegistry {
  const unknownRulePolicy = options.unknownRulePolicy ?? 'error';
  const byKey = new Map<string, AnyRule>();
  for (const rule of rules) {
    for (const key of keysOf(rule)) {
      const existing = byKey.get(key);
      if (existing && existing !== rule) {
        throw new SimError('CONFIG_INVALID', `Rules "${existing.name}" and "${rule.name}" both claim the name "${key}"`);
      }
      byKey.set(key, rule);
    }
  }

  function resolve(writtenName: string): RuleResolution {
    const lookup = ruleLookup(writtenName);
    for (const key of lookup.keys) {
      const rule = byKey.get(key);
      if (rule) return { type: 'found', rule, key };
    }
    const lookedUp = lookup.keys.at(-1) ?? lookup.bare ?? writtenName;
    if (lookup.bare !== undefined) {
      // A bare name is accepted only when exactly one implementation answers to it.
      const matches = [...byKey.entries()].filter(([key]) => bareName(key) === lookup.bare);
      const distinct = new Set(matches.map(([, rule]) => rule));
      const first = matches[0];
      if (distinct.size === 1 && first) return { type: 'found', rule: first[1], key: first[0] };
      if (distinct.size > 1) return { type: 'ambiguous', lookedUp, candidates: matches.map(([key]) => key).sort() };
    }
    // Suggestions cost an edit distance per known name: computed when first read (shown), not here.
    return {
      type: 'unknown',
      lookedUp,
      get suggestions() {
        const value = closestNames(lookedUp, [...byKey.keys()]);
        Object.defineProperty(this, 'suggestions', { value, enumerable: true });
        return value;
      },
    };
  }

  function compileRule(rule: WorkflowRule, where: { source: string; path: readonly PropertyKey[]; rulesetName: string }): CompiledRule {
    const location = locate(where.source, where.path);
    const resolution = resolve(rule.name);
    if (resolution.type !== 'found') {
      if (unknownRulePolicy === 'error') {
        throw new SimError('RULE_NOT_FOUND', unknownRuleMessage(rule.name, resolution, where.rulesetName, location));
      }
      return { name: rule.name, resolvedAs: undefined, simulated: false, rule: placeholderRule(rule.name), props: rule.props ?? {}, location };
    }
    // Each rule's props schema parses a handful of times (once per stored version): zod's compiled
    // fast path, built on a schema's first parse, would cost more than it saves (issue 17).
    const parsed = resolution.rule.props.safeParse(rule.props ?? {}, { jitless: true });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${locate(where.source, [...where.path, 'props', ...issue.path])}: ${issue.message}`);
      throw new SimError(
        'WORKFLOW_INVALID',
        `${problems.join('; ')} (rule "${rule.name}" = ${resolution.rule.name} in ruleset "${where.rulesetName}"; ` +
          `expected props ${describeProps(resolution.rule)})`,
        { details: { problems } },
      );
    }
    return { name: rule.name, resolvedAs: resolution.key, simulated: true, rule: resolution.rule, props: parsed.data, location };
  }

  return {
    unknownRulePolicy,
    resolve,
    compileRule,
    add(extra) {
      for (const rule of extra) for (const key of keysOf(rule)) byKey.set(key, rule);
    },
    rules: () => [...new Set(byKey.values())],
    keys: () => [...byKey.keys()].sort(),
    catalogue: () =>
      [...new Set(byKey.values())]
        .map((rule) => ({
          name: rule.name,
          aliases: [...(rule.aliases ?? [])],
          module: ruleModule(rule.name),
          description: rule.description,
          inferred: rule.inferred ?? null,
          props: propsJsonSchema(rule),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Any props; one schema for every placeholder (building a zod schema costs more than using it). */
const ANY_PROPS = z.record(z.string(), z.unknown());

/** A no-op standing in for a rule the simulator does not know (policy `skip`). */
export function placeholderRule(writtenName: string): Rule<Record<string, unknown>> {
  return defineRule({
    name: writtenName,
    description: `Not simulated: "${writtenName}" is not a rule the simulator knows (unknownRulePolicy "skip").`,
    props: ANY_PROPS,
    run: () => [],
  });
}

function keysOf(rule: AnyRule): string[] {
  return [rule.name, ...(rule.aliases ?? [])];
}

function unknownRuleMessage(written: string, resolution: Exclude<RuleResolution, { type: 'found' }>, rulesetName: string, location: string): string {
  const head = `Ruleset "${rulesetName}" (${location}) references`;
  if (resolution.type === 'ambiguous') {
    return `${head} rule "${written}", which is ambiguous without a namespace: ${resolution.candidates.join(', ')}. Write it as <ACCOUNT>.<namespace>.<Rule>.`;
  }
  const hint =
    resolution.suggestions.length > 0
      ? `Known rules close to it: ${resolution.suggestions.join(', ')}.`
      : 'See GET /_sim/rules for the rules the simulator knows.';
  return `${head} unknown rule "${written}" (looked up as "${resolution.lookedUp}"). ${hint} Supply it with --rules DIR, or load with the unknown-rule policy "skip".`;
}

function propsJsonSchema(rule: AnyRule): unknown {
  try {
    return z.toJSONSchema(rule.props, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
}

function describeProps(rule: AnyRule): string {
  const schema = propsJsonSchema(rule);
  return JSON.stringify(schema, (key, value: unknown) => (key === '$schema' ? undefined : value));
}

const USER_RULE_EXTENSIONS = new Set(['.js', '.mjs']);

/** What a rule module's factory receives. */
export type UserRuleTools = { z: typeof z; defineRule: typeof defineRule };

/**
 * Loads user rules from `--rules DIR`: every `.js`/`.mjs` file directly in the folder, in name
 * order; its default export and named exports that are Rule objects (or arrays of them), or a
 * function `({ z, defineRule }) => rule | rule[]` — that form needs no `zod` installed next to
 * the rule files: the simulator hands over its own.
 * @throws SimError CONFIG_INVALID for a missing folder or a file that exports no rule
 */
export async function loadUserRules(dir: string): Promise<AnyRule[]> {
  const folder = resolvePath(dir);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new SimError('CONFIG_INVALID', `--rules ${dir}: not a folder`);
  const files = (await readdir(folder)).filter((file) => USER_RULE_EXTENSIONS.has(extname(file))).sort();
  const rules: AnyRule[] = [];
  for (const file of files) {
    const path = join(folder, file);
    // A module namespace is typed `any`; its exports are checked one by one below (isRule).
    const module: Record<string, unknown> = await import(pathToFileURL(path).href);
    const exported = Object.values(module).map((value) =>
      // A function's parameters cannot be checked at run time: an exported function is taken to be a
      // rule factory (the documented form), and what it returns is still checked by isRule.
      typeof value === 'function' ? (value as (tools: UserRuleTools) => unknown)({ z, defineRule }) : value,
    );
    const found = exported.flatMap((value) => (Array.isArray(value) ? value : [value])).filter(isRule);
    if (found.length === 0) {
      throw new SimError(
        'CONFIG_INVALID',
        `${path} exports no rule: export (default or named) objects {name: "ns.Rule", description, props: <zod schema>, run(input) => effects[]}`,
      );
    }
    for (const rule of found) if (!rules.includes(rule)) rules.push(rule);
  }
  return rules;
}

function isRule(value: unknown): value is AnyRule {
  if (!isRecord(value)) return false;
  return typeof value['name'] === 'string' && typeof value['run'] === 'function' && typeof propertyOf(value['props'], 'safeParse') === 'function';
}

/**
 * `fluent-sim workflow check`, the analysis: what a workflow needs from the simulator and what
 * looks wrong in it, without running anything. Per workflow: every distinct rule with its use
 * count and how the simulator would run it (library rule, stub, JS module, or unknown), coverage,
 * rulesets no event can reach, statuses no ruleset leaves, events only an integration can send,
 * and problems in the file (shape, messy statuses, triggers naming undeclared statuses, bad props).
 *
 * Reachability is a static reading [inferred]: an entity enters CREATED and every status a rule
 * prop named `status` sets for the ruleset's entity type; an event is raised inside the workflow
 * when some rule prop or user action names it.
 */
import { locate } from '../orchestration/json-pointer.js';
import type { AnyRule } from '../orchestration/port.js';
import type { RuleRegistry } from '../orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../orchestration/rules/index.js';
import { isStubRule } from '../orchestration/stubs/stub-rule.js';
import { parseWorkflow, type Workflow } from '../orchestration/workflow.js';
import { placeholdersIn, type WorkflowFile } from './workflow-files.js';
import { errorMessage } from '../lib/guards.js';

export type RuleKind = 'library' | 'stub' | 'module' | 'unknown';
export type RuleUsage = { name: string; resolvedAs: string | null; kind: RuleKind; uses: number; rulesets: string[] };
export type Coverage = { known: number; total: number; percent: number };

export type WorkflowReport = {
  source: string;
  name: string | null;
  /** Set when the file is not a workflow at all; nothing else is filled in then. */
  error?: string;
  rulesets: number;
  statuses: number;
  rules: RuleUsage[];
  coverage: { distinctRules: Coverage; uses: Coverage };
  unreachableRulesets: { ruleset: string; type: string; location: string; reason: string }[];
  deadEndStatuses: { status: string; entityType: string }[];
  externalEvents: string[];
  placeholders: string[];
  problems: string[];
};

const builtins = new Set<AnyRule>(BUILTIN_RULES);

export function kindOf(registry: RuleRegistry, name: string): { kind: RuleKind; resolvedAs: string | null } {
  const resolution = registry.resolve(name);
  if (resolution.type !== 'found') return { kind: 'unknown', resolvedAs: null };
  const kind = builtins.has(resolution.rule) ? 'library' : isStubRule(resolution.rule) ? 'stub' : 'module';
  return { kind, resolvedAs: resolution.key };
}

const coverage = (known: number, total: number): Coverage => ({ known, total, percent: total === 0 ? 100 : Math.round((known / total) * 100) });

/** Every string in a props value: `"A"`, `["A","B"]`, `"A, B"` → A, B. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim());
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function usages(workflow: Workflow, registry: RuleRegistry): RuleUsage[] {
  const byName = new Map<string, RuleUsage>();
  for (const ruleset of workflow.rulesets) {
    for (const rule of ruleset.rules) {
      const usage = byName.get(rule.name) ?? { name: rule.name, ...kindOf(registry, rule.name), uses: 0, rulesets: [] };
      usage.uses += 1;
      if (!usage.rulesets.includes(ruleset.name)) usage.rulesets.push(ruleset.name);
      byName.set(rule.name, usage);
    }
  }
  return [...byName.values()].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name));
}

function shapeProblems(workflow: Workflow, registry: RuleRegistry, source: string): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  workflow.statuses.forEach((status, index) => {
    const type = status.entityType ?? workflow.entityType;
    if (!status.name) problems.push(`${locate(source, ['statuses', index, 'name'])}: status without a name`);
    else if (declared.has(`${type}:${status.name}`)) problems.push(`${locate(source, ['statuses', index])}: ${type} status "${status.name}" is declared twice`);
    else declared.add(`${type}:${status.name}`);
  });
  workflow.rulesets.forEach((ruleset, index) => {
    const type = ruleset.type || workflow.entityType;
    ruleset.triggers.forEach((trigger, t) => {
      if (trigger.status && !declared.has(`${type}:${trigger.status}`)) {
        problems.push(`${locate(source, ['rulesets', index, 'triggers', t, 'status'])}: "${trigger.status}" is not a declared ${type} status`);
      }
    });
    (ruleset.userActions ?? []).forEach((action, a) => {
      if (!action.eventName) problems.push(`${locate(source, ['rulesets', index, 'userActions', a])}: user action without eventName`);
    });
    ruleset.rules.forEach((rule, r) => {
      if (registry.resolve(rule.name).type !== 'found') return;
      try {
        registry.compileRule(rule, { source, path: ['rulesets', index, 'rules', r], rulesetName: ruleset.name });
      } catch (error) {
        problems.push(errorMessage(error));
      }
    });
  });
  return problems;
}

function reachability(workflow: Workflow, source: string): Pick<WorkflowReport, 'unreachableRulesets' | 'deadEndStatuses' | 'externalEvents'> {
  const entered = new Map<string, Set<string>>();
  const enter = (type: string, status: string): void => void (entered.get(type) ?? entered.set(type, new Set()).get(type))!.add(status);
  const raised = new Set<string>(['CREATE']);
  for (const ruleset of workflow.rulesets) {
    const type = ruleset.type || workflow.entityType;
    enter(type, 'CREATED');
    for (const rule of ruleset.rules) {
      for (const [key, value] of Object.entries(rule.props ?? {})) {
        if (key === 'status') for (const status of strings(value)) enter(type, status);
        for (const text of strings(value)) raised.add(text);
      }
    }
    for (const action of ruleset.userActions ?? []) if (action.eventName) raised.add(action.eventName);
  }
  const unreachableRulesets = workflow.rulesets.flatMap((ruleset, index) => {
    const type = ruleset.type || workflow.entityType;
    const triggers = ruleset.triggers.map((t) => t.status).filter((s): s is string => !!s);
    if (triggers.length === 0 || triggers.some((status) => entered.get(type)?.has(status))) return [];
    const reason = `its triggers (${triggers.join(', ')}) are ${type} statuses no rule sets`;
    return [{ ruleset: ruleset.name, type, location: locate(source, ['rulesets', index]), reason }];
  });
  const seen = new Set<string>();
  const deadEndStatuses = workflow.statuses.flatMap((status) => {
    const type = status.entityType ?? workflow.entityType;
    if (!status.name || status.category === 'DONE' || !entered.get(type)?.has(status.name) || seen.has(`${type}:${status.name}`)) return [];
    seen.add(`${type}:${status.name}`);
    const leaves = workflow.rulesets.some(
      (ruleset) => (ruleset.type || workflow.entityType) === type && (ruleset.triggers.length === 0 || ruleset.triggers.some((t) => t.status === status.name)),
    );
    return leaves ? [] : [{ status: status.name, entityType: type }];
  });
  const externalEvents = [...new Set(workflow.rulesets.map((ruleset) => ruleset.name).filter((name) => !raised.has(name)))].sort();
  return { unreachableRulesets, deadEndStatuses, externalEvents };
}

export function checkWorkflow(file: WorkflowFile, registry: RuleRegistry): WorkflowReport {
  const empty = { rulesets: 0, statuses: 0, rules: [], coverage: { distinctRules: coverage(0, 0), uses: coverage(0, 0) } };
  const none = { unreachableRulesets: [], deadEndStatuses: [], externalEvents: [], placeholders: placeholdersIn(file.text) };
  let workflow: Workflow;
  try {
    workflow = parseWorkflow(file.text, file.source);
  } catch (error) {
    return { source: file.source, name: null, error: errorMessage(error), ...empty, ...none, problems: [errorMessage(error)] };
  }
  const rules = usages(workflow, registry);
  const known = rules.filter((rule) => rule.kind !== 'unknown');
  const sum = (list: RuleUsage[]): number => list.reduce((total, rule) => total + rule.uses, 0);
  return {
    source: file.source,
    name: workflow.name,
    rulesets: workflow.rulesets.length,
    statuses: workflow.statuses.length,
    rules,
    coverage: { distinctRules: coverage(known.length, rules.length), uses: coverage(sum(known), sum(rules)) },
    ...reachability(workflow, file.source),
    placeholders: none.placeholders,
    problems: shapeProblems(workflow, registry, file.source),
  };
}

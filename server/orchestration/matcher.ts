/**
 * Event → ruleset matching, exactly as fluent-platform.md §5.3 step 2: event name = ruleset
 * name, entity type = ruleset `type`, entity subtype = ruleset `subtype` (a ruleset without
 * subtype matches any), entity status ∈ `triggers[].status` (no triggers: any status, §3.2).
 * Pure: it returns the decision and why, for the trace.
 */
import type { CompiledRuleset, CompiledWorkflow } from './compile-workflow.js';
import type { Criterion, RulesetCheck } from './execution-trace.js';
import { closestNames } from './rule-name.js';

/** What matching looks at on the event's entity. */
export type MatchSubject = { entityType: string; subtype: string | undefined; status: string | undefined };

export type MatchResult = {
  /** One entry per ruleset that has the event's name, in workflow order. */
  checks: RulesetCheck[];
  /** The rulesets to run, in workflow order. */
  matched: CompiledRuleset[];
  /** When no ruleset has the event's name: close names, to spot typos. */
  similar?: string[];
};

export function checkRuleset(ruleset: CompiledRuleset, eventName: string, subject: MatchSubject): RulesetCheck {
  const name = criterion(ruleset.name, eventName, ruleset.name === eventName);
  const type = criterion(ruleset.type, subject.entityType, ruleset.type === subject.entityType);
  const subtype = criterion(ruleset.subtype ?? null, subject.subtype ?? null, ruleset.subtype === undefined || ruleset.subtype === subject.subtype);
  const status = criterion(
    ruleset.triggers,
    subject.status ?? null,
    ruleset.triggers.length === 0 || (subject.status !== undefined && ruleset.triggers.includes(subject.status)),
  );
  return {
    ruleset: ruleset.name,
    location: ruleset.location,
    name,
    type,
    subtype,
    status,
    matched: name.ok && type.ok && subtype.ok && status.ok,
  };
}

export function matchRulesets(workflow: CompiledWorkflow, eventName: string, subject: MatchSubject): MatchResult {
  const named = workflow.rulesetsByName.get(eventName) ?? [];
  const checks = named.map((ruleset) => checkRuleset(ruleset, eventName, subject));
  const matched = named.filter((_, index) => checks[index]?.matched === true);
  if (named.length > 0) return { checks, matched };
  return { checks, matched, similar: closestNames(eventName, [...workflow.rulesetsByName.keys()], 3) };
}

/** Why nothing matched, in one sentence for the trace and logs. */
export function explainNoMatch(eventName: string, result: MatchResult, subject: MatchSubject): string {
  if (result.checks.length === 0) {
    const hint = result.similar && result.similar.length > 0 ? ` (similar: ${result.similar.join(', ')})` : '';
    return `the workflow has no ruleset named "${eventName}"${hint}`;
  }
  const reasons = result.checks.map((check) => {
    const failed: string[] = [];
    if (!check.type.ok) failed.push(`type ${String(check.type.expected)} ≠ ${subject.entityType}`);
    if (!check.subtype.ok) failed.push(`subtype ${String(check.subtype.expected)} ≠ ${subject.subtype ?? '(none)'}`);
    if (!check.status.ok) failed.push(`status ${subject.status ?? '(none)'} not in triggers [${(check.status.expected as readonly string[]).join(', ')}]`);
    return `${check.location}: ${failed.join(', ')}`;
  });
  return `no ruleset "${eventName}" matches ${subject.entityType} (subtype ${subject.subtype ?? 'none'}, status ${subject.status ?? 'none'}): ${reasons.join('; ')}`;
}

function criterion(expected: string | readonly string[] | null, actual: string | null, ok: boolean): Criterion {
  return { expected, actual, ok };
}

/**
 * Event → ruleset matching, exactly as fluent-platform.md §5.3 step 2: event name = ruleset
 * name, entity type = ruleset `type`, entity subtype = ruleset `subtype` (a ruleset without
 * subtype matches any), entity status ∈ `triggers[].status` (no triggers: any status, §3.2).
 * Pure: it returns the decision and why, for the trace.
 */
import type { CompiledRuleset, CompiledWorkflow } from './compile-workflow.js';
import type { Criterion, RulesetCheck } from './execution-trace.js';
import { closestRulesetNames } from './name-similarity.js';
import { parseVersion } from './workflow-version.js';

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

const subtypeFits = (ruleset: CompiledRuleset, subject: MatchSubject): boolean => ruleset.subtype === undefined || ruleset.subtype === subject.subtype;
const statusFits = (ruleset: CompiledRuleset, subject: MatchSubject): boolean =>
  ruleset.triggers.length === 0 || (subject.status !== undefined && ruleset.triggers.includes(subject.status));

export function checkRuleset(ruleset: CompiledRuleset, eventName: string, subject: MatchSubject): RulesetCheck {
  const name = criterion(ruleset.name, eventName, ruleset.name === eventName);
  const type = criterion(ruleset.type, subject.entityType, ruleset.type === subject.entityType);
  const subtype = criterion(ruleset.subtype ?? null, subject.subtype ?? null, subtypeFits(ruleset, subject));
  const status = criterion(ruleset.triggers, subject.status ?? null, statusFits(ruleset, subject));
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
  return { checks, matched, similar: closestRulesetNames(eventName, [...workflow.rulesetsByName.keys()]) };
}

/**
 * The rulesets `matchRulesets` would run, without the checks it records for the trace: for events
 * whose trace is not kept (quiet batch events), when at least one matches (no match: explain it
 * with `matchRulesets`).
 */
export function matchingRulesets(workflow: CompiledWorkflow, eventName: string, subject: MatchSubject): CompiledRuleset[] {
  const named = workflow.rulesetsByName.get(eventName);
  if (!named) return [];
  return named.filter((ruleset) => ruleset.type === subject.entityType && subtypeFits(ruleset, subject) && statusFits(ruleset, subject));
}

/** Which workflow version ran, and which other stored versions have a ruleset of the event's name. */
export type VersionContext = { name: string; version: string; otherVersions: readonly string[]; rootEntityType: string };

/** Why nothing matched, in one sentence for the trace, logs and the sync NO_MATCH body. */
export function explainNoMatch(eventName: string, result: MatchResult, subject: MatchSubject, context?: VersionContext): string {
  if (result.checks.length === 0) {
    const workflow = context ? `workflow ${context.name} ${context.version}` : 'the workflow';
    const hint = result.similar && result.similar.length > 0 ? `; closest ruleset names: ${result.similar.join(', ')}` : '';
    const versions = context ? otherVersionsHint(context) : '';
    return `${workflow} has no ruleset named "${eventName}"${hint}${versions}`;
  }
  const reasons = result.checks.map((check) => {
    const failed: string[] = [];
    if (!check.type.ok) failed.push(`type ${String(check.type.expected)} ≠ ${subject.entityType}`);
    if (!check.subtype.ok) failed.push(`subtype ${String(check.subtype.expected)} ≠ ${subject.subtype ?? '(none)'}`);
    if (!check.status.ok) failed.push(`status ${subject.status ?? '(none)'} not in triggers [${check.status.expected.join(', ')}]`);
    return `${check.location}: ${failed.join(', ')}`;
  });
  return `no ruleset "${eventName}" matches ${subject.entityType} (subtype ${subject.subtype ?? 'none'}, status ${subject.status ?? 'none'}): ${reasons.join('; ')}`;
}

/** Versions are `"<major>.<minor>"`; an entity stays on its major and runs on its latest minor. */
function otherVersionsHint(context: VersionContext): string {
  const used = parseVersion(context.version)?.major;
  const sameMajor = context.otherVersions.filter((version) => parseVersion(version)?.major === used);
  const otherMajors = context.otherVersions.filter((version) => parseVersion(version)?.major !== used);
  const parts: string[] = [];
  if (sameMajor.length > 0) {
    parts.push(`older version ${sameMajor.join(', ')} had one (events run on the latest minor of their major, ${context.version})`);
  }
  if (otherMajors.length > 0) {
    parts.push(
      `version ${otherMajors.join(', ')} has one, but this ${context.rootEntityType} was created under major ${used ?? '?'} and stays ` +
        'on it (a new major applies only to entities created after it)',
    );
  }
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

function criterion<Expected>(expected: Expected, actual: string | null, ok: boolean): Criterion<Expected> {
  return { expected, actual, ok };
}

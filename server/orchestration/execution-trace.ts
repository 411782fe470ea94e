/**
 * The execution trace the engine keeps per event, served by `/_sim/events/{id}/explain`
 * (design.md §2 principle 6): which rulesets were considered and why each matched or not, which
 * rules ran with which props, what they asked for, which statuses changed, what was raised.
 * Plain data; the engine fills it in, nothing here has behaviour beyond small constructors.
 */
import { copyJson } from '../lib/copy-json.js';
import type { EventMode } from './engine-api.js';
import type { OrchestrationEvent } from './orchestration-event.js';
import type { Effect } from './rule.js';

/** One criterion of fluent-platform.md §5.3, with what was expected and what the entity had. */
export type Criterion<Expected = string | readonly string[] | null> = { expected: Expected; actual: string | null; ok: boolean };

export type RulesetCheck = {
  ruleset: string;
  location: string;
  name: Criterion<string>;
  type: Criterion<string>;
  /** expected null: the ruleset has no subtype and matches any. */
  subtype: Criterion<string | null>;
  /** expected []: no triggers, any status. */
  status: Criterion<readonly string[]>;
  matched: boolean;
};

export type RuleStep = {
  ruleset: string;
  /** As written in the workflow. */
  rule: string;
  resolvedAs: string | null;
  simulated: boolean;
  props: unknown;
  effects: Effect[];
  startTimer: number;
  stopTimer: number;
  error?: string;
};

export type TraceOutcome =
  | { type: 'pending' }
  | { type: 'scheduled'; at: string }
  | { type: 'complete' }
  | { type: 'noMatch'; reason: string }
  | { type: 'failed'; message: string; rule?: string; ruleset?: string };

export type TraceEntity = { entityType: string; id: string; ref: string | null; subtype: string | null; status: string | null };

export type ExecutionTrace = {
  eventId: string;
  name: string;
  mode: EventMode;
  sourceEvents: string[];
  receivedOn: string;
  event: OrchestrationEvent;
  /** The entity before processing; null when not found. */
  entity: TraceEntity | null;
  root: { entityType: string; id: string; ref: string | null } | null;
  /**
   * The workflow version the event ran on, and the `workflowVersion` Int (the major) of the root
   * entity that chose it: events run on the latest minor of that major (null: the latest).
   */
  workflow: { name: string; version: string; source: string; runOnce: boolean; entityWorkflowVersion: number | null } | null;
  /** Rulesets that share the event's name, each with its four criteria. */
  rulesets: RulesetCheck[];
  /** When no ruleset has the event's name: names close to it. */
  similarRulesetNames?: string[];
  /** When no ruleset has the event's name: other stored versions of the workflow that have one. */
  rulesetInOtherVersions?: string[];
  rules: RuleStep[];
  statusChanges: { entityType: string; id: string; ref: string | null; from: string | null; to: string }[];
  eventsRaised: { id: string; name: string; entityType: string; dispatch: 'inline' | 'queued' | 'scheduled' }[];
  webhooks: { name: string; url: string }[];
  outcome: TraceOutcome;
};

/** `keep: false` for a trace the engine fills in and drops (quiet events): the event is not copied. */
export function newTrace(event: OrchestrationEvent, mode: EventMode, receivedOn: string, keep = true): ExecutionTrace {
  return {
    eventId: event.id,
    name: event.name,
    mode,
    sourceEvents: [...event.sourceEvents],
    receivedOn,
    event: keep ? copyJson(event) : event,
    entity: null,
    root: null,
    workflow: null,
    rulesets: [],
    rules: [],
    statusChanges: [],
    eventsRaised: [],
    webhooks: [],
    outcome: { type: 'pending' },
  };
}

/**
 * Binds a parsed workflow to the rule registry: every rule resolved (or replaced by a placeholder
 * under the `skip` policy), every props object parsed by its rule's schema, rulesets indexed by
 * name for the matcher. Runs once per stored version, at load/PUT time, never per event.
 */
import { locate } from './json-pointer.js';
import type { CompiledRule, RuleRegistry } from './rule-registry.js';
import { findUnknownRules, unknownRulesError, type UnknownRules } from './unknown-rules.js';
import type { Workflow } from './workflow.js';

export type CompiledRuleset = {
  /** The event name it handles (fluent-platform.md §5.3). */
  name: string;
  /** Entity type it applies to; the workflow's entityType when the ruleset has none. */
  type: string;
  /** Undefined: any subtype. */
  subtype: string | undefined;
  eventType: string;
  /** Trigger statuses; empty means any status. */
  triggers: string[];
  rules: CompiledRule[];
  /** Position in `workflow.rulesets`. */
  index: number;
  location: string;
};

export type CompiledWorkflow = {
  workflow: Workflow;
  source: string;
  name: string;
  version: string;
  rulesets: CompiledRuleset[];
  rulesetsByName: ReadonlyMap<string, CompiledRuleset[]>;
  /** Rules that run as no-op placeholders (policy `skip`); `count` 0 when every rule is known. */
  unknownRules: UnknownRules;
};

/**
 * @throws SimError RULE_NOT_FOUND listing every unknown rule (policy `error`), WORKFLOW_INVALID for bad props
 */
export function compileWorkflow(workflow: Workflow, registry: RuleRegistry, source: string): CompiledWorkflow {
  const unknownRules = findUnknownRules(workflow, registry, source);
  if (registry.unknownRulePolicy === 'error' && unknownRules.count > 0) throw unknownRulesError([unknownRules]);
  const rulesets = workflow.rulesets.map((ruleset, index): CompiledRuleset => {
    const path = ['rulesets', index];
    return {
      name: ruleset.name,
      type: ruleset.type || workflow.entityType,
      subtype: ruleset.subtype || undefined,
      eventType: ruleset.eventType || 'NORMAL',
      triggers: ruleset.triggers.map((trigger) => trigger.status).filter((status): status is string => !!status),
      rules: ruleset.rules.map((rule, ruleIndex) => registry.compileRule(rule, { source, path: [...path, 'rules', ruleIndex], rulesetName: ruleset.name })),
      index,
      location: locate(source, path),
    };
  });
  const rulesetsByName = new Map<string, CompiledRuleset[]>();
  for (const ruleset of rulesets) {
    const list = rulesetsByName.get(ruleset.name) ?? [];
    list.push(ruleset);
    rulesetsByName.set(ruleset.name, list);
  }
  return { workflow, source, name: workflow.name, version: workflow.version ?? '1.0', rulesets, rulesetsByName, unknownRules };
}

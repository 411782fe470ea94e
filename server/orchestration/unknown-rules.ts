/**
 * What loading a workflow says about the rules the simulator does not run (issue 10 item 4):
 * which written names are unknown (or ambiguous), where each is used (JSON pointers), and the
 * closest known rules. Under `--unknown-rules error` one error lists every such rule of every
 * file; under `skip` the PUT answer and the log say how many rules will be no-ops.
 *
 * Finding unknown names only resolves them; close known names are computed when a message or a
 * body shows them (once per distinct name), never per rule.
 */
import { SimError } from '../domain/errors.js';
import { toJsonPointer } from './json-pointer.js';
import type { RuleRegistry, RuleResolution } from './rule-registry.js';
import type { Workflow } from './workflow.js';

export type UnknownRuleName = {
  /** As written in the workflow (`ACME.custom.ValidateLoyaltyNumber`). */
  name: string;
  /** The registry's answer; its `suggestions` are computed when first read. */
  resolution: Exclude<RuleResolution, { type: 'found' }>;
  /** Every use, as JSON pointers to the rule's name: `/rulesets/3/rules/0/name`. */
  pointers: string[];
};

export type UnknownRules = {
  /** Where the workflow came from: `request body`, `workflows/order-hd.json`. */
  source: string;
  /** Rules in the workflow. */
  total: number;
  /** Rules whose name is unknown or ambiguous (uses, not distinct names). */
  count: number;
  /** Distinct written names, in order of first use. */
  names: UnknownRuleName[];
};

/** The simulator-only part of a PUT answer under `skip` (absent when every rule is known). */
export type UnknownRulesBody = {
  policy: 'skip';
  count: number;
  message: string;
  names: { name: string; count: number; pointers: string[]; suggestions: string[] }[];
};

export function findUnknownRules(workflow: Workflow, registry: RuleRegistry, source: string): UnknownRules {
  const byName = new Map<string, UnknownRuleName>();
  let total = 0;
  let count = 0;
  workflow.rulesets.forEach((ruleset, index) => {
    ruleset.rules.forEach((rule, ruleIndex) => {
      total += 1;
      const known = byName.get(rule.name);
      const resolution = known?.resolution ?? registry.resolve(rule.name);
      if (resolution.type === 'found') return;
      count += 1;
      const pointer = toJsonPointer(['rulesets', index, 'rules', ruleIndex, 'name']);
      if (known) known.pointers.push(pointer);
      else byName.set(rule.name, { name: rule.name, resolution, pointers: [pointer] });
    });
  });
  return { source, total, count, names: [...byName.values()] };
}

/** Close known names (an ambiguous bare name: the implementations that share it). */
export function suggestionsOf(entry: UnknownRuleName): string[] {
  return entry.resolution.type === 'ambiguous' ? entry.resolution.candidates : entry.resolution.suggestions;
}

/**
 * One RULE_NOT_FOUND for every unknown rule of every workflow given (policy `error`), so a user
 * fixes them all in one pass. `details.unknownRules` lists the distinct names.
 */
export function unknownRulesError(reports: readonly UnknownRules[]): SimError {
  const found = reports.filter((report) => report.count > 0);
  const count = found.reduce((sum, report) => sum + report.count, 0);
  const names = found.flatMap((report) => report.names);
  const where = found.length === 1 ? found[0]!.source : `${found.length} workflows`;
  const lines = found.flatMap((report) => report.names.map((entry) => `- ${describeName(report.source, entry, true)}`));
  const message =
    `${where}: ${plural(count, 'rule')} ${count === 1 ? 'names a rule' : 'name rules'} the simulator does not know ` +
    `(${plural(names.length, 'distinct name')}; unknown-rule policy "error"):\n${lines.join('\n')}\n` +
    'Supply them with --rules DIR (GET /_sim/rules lists the known rules), or load with --unknown-rules skip.';
  return new SimError('RULE_NOT_FOUND', message, { details: { unknownRules: names.map((entry) => entry.name) } });
}

/** One line for the log and the PUT answer under `skip`. */
export function describeSkipped(report: UnknownRules): string {
  const names = report.names.map((entry) => describeName(report.source, entry, false));
  return (
    `${report.source}: ${report.count} of ${plural(report.total, 'rule')} ${report.count === 1 ? 'is' : 'are'} not simulated ` +
    `and will run as no-ops (unknown-rule policy "skip"), ${plural(report.names.length, 'distinct name')}: ${names.join('; ')}`
  );
}

export function unknownRulesBody(report: UnknownRules): UnknownRulesBody {
  return {
    policy: 'skip',
    count: report.count,
    message: describeSkipped(report),
    names: report.names.map((entry) => ({
      name: entry.name,
      count: entry.pointers.length,
      pointers: entry.pointers,
      suggestions: suggestionsOf(entry),
    })),
  };
}

function describeName(source: string, entry: UnknownRuleName, withPointers: boolean): string {
  const { resolution } = entry;
  const uses = entry.pointers.length > 1 ? ` ×${entry.pointers.length}` : '';
  const at = withPointers ? ` at ${entry.pointers.map((pointer) => `${source}#${pointer}`).join(', ')}` : '';
  const head = `"${entry.name}"${uses}${at}`;
  if (resolution.type === 'ambiguous') {
    return `${head}: ambiguous without a namespace (${resolution.candidates.join(', ')}); write it as <ACCOUNT>.<namespace>.<Rule>`;
  }
  const lookedUp = withPointers && resolution.lookedUp !== entry.name ? ` (looked up as "${resolution.lookedUp}")` : '';
  const closest = resolution.suggestions.slice(0, 3);
  if (closest.length > 0) return `${head}${lookedUp}: closest known rule${closest.length > 1 ? 's' : ''}: ${closest.join(', ')}`;
  return withPointers ? `${head}${lookedUp}: no known rule is close to it` : head;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

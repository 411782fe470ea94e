/**
 * `fluent-sim rules scaffold`, the guessing: one stub entry per rule the simulator does not know,
 * with its props as the workflows use them (example value, in how many uses) and a body guessed
 * from the props' shape, for the user to correct rather than write from nothing:
 * - `eventName` + `noMatchEventName` → `branch` (on a status-like list prop when there is one);
 * - `eventName` alone → `sendEvent` (delayed when there is a `delay` prop);
 * - `status` → `setStatus`;  `setting` → `webhook`;
 * - anything else → `noop` with a TODO.
 * The output is a valid stub file (`parse-stub-file.ts`), so the unedited scaffold already runs.
 */
import type { RuleRegistry } from '../orchestration/rule-registry.js';
import { stubKey } from '../orchestration/stubs/stub-rule.js';
import { parseWorkflow, type Workflow } from '../orchestration/workflow.js';
import { kindOf } from './check-workflow.js';
import type { WorkflowFile } from './workflow-files.js';

type PropSeen = { example: unknown; uses: number };
type Seen = { name: string; uses: number; where: Set<string>; props: Map<string, PropSeen> };

export type ScaffoldProp = { required: boolean; example: unknown; uses: number };
export type ScaffoldEntry = { name: string; description: string; uses: number; props: Record<string, ScaffoldProp>; do: unknown[] };
export type Scaffold = { rules: ScaffoldEntry[] };

const STATUS_LIST = /^(status|statuses|statusList|.*Status(es|List)?)$/i;

function send(prop: string, extra: Record<string, unknown> = {}): unknown {
  return { sendEvent: { name: `{{props.${prop}}}`, ...extra } };
}

/** The best-guess body for a rule whose props are `props`. */
export function guessBody(name: string, props: readonly string[]): { do: unknown[]; guess: string } {
  const has = (prop: string): boolean => props.includes(prop);
  const statusProp = props.find((prop) => STATUS_LIST.test(prop) && prop !== 'status') ?? (has('status') ? 'status' : undefined);
  if (has('eventName') && has('noMatchEventName')) {
    const condition = statusProp ? { statusIn: `{{props.${statusProp}}}`, of: 'order' } : { always: true };
    const label = statusProp ? `${statusProp} matches` : 'TODO: when does it send noMatchEventName?';
    return { do: [{ branch: { label, if: condition, then: [send('eventName')], else: [send('noMatchEventName')] } }], guess: 'branch' };
  }
  if (has('eventName')) {
    const delay = props.find((prop) => /^delay/i.test(prop));
    return { do: [send('eventName', delay ? { delay: `{{props.${delay}}}` } : {})], guess: 'sendEvent' };
  }
  if (has('status')) return { do: [{ setStatus: { status: '{{props.status}}' } }], guess: 'setStatus' };
  if (has('setting')) return { do: [{ webhook: { setting: '{{props.setting}}' } }], guess: 'webhook' };
  return { do: [{ noop: `TODO: describe what ${name} does with building blocks` }], guess: 'noop' };
}

function collect(workflow: Workflow, registry: RuleRegistry, seen: Map<string, Seen>): void {
  for (const ruleset of workflow.rulesets) {
    for (const rule of ruleset.rules) {
      if (kindOf(registry, rule.name).kind !== 'unknown') continue;
      const hasPlaceholder = rule.name.includes('{{');
      const key = stubKey(rule.name);
      const entry = seen.get(key) ?? { name: hasPlaceholder ? key : rule.name, uses: 0, where: new Set<string>(), props: new Map<string, PropSeen>() };
      entry.uses += 1;
      entry.where.add(`${workflow.name}/${ruleset.name}`);
      for (const [prop, value] of Object.entries(rule.props ?? {})) {
        const known = entry.props.get(prop) ?? { example: null, uses: 0 };
        known.uses += 1;
        if (known.example === null && value !== null && value !== undefined) known.example = value;
        entry.props.set(prop, known);
      }
      seen.set(key, entry);
    }
  }
}

/** One entry per unknown rule of `files` (files that are not workflows are skipped: `check` reports them). */
export function scaffoldStubs(files: readonly WorkflowFile[], registry: RuleRegistry): Scaffold {
  const seen = new Map<string, Seen>();
  for (const file of files) {
    try {
      collect(parseWorkflow(file.text, file.source), registry, seen);
    } catch {}
  }
  const rules = [...seen.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry): ScaffoldEntry => {
      const names = [...entry.props.keys()];
      const body = guessBody(entry.name, names);
      const where = [...entry.where].slice(0, 5).join(', ');
      return {
        name: entry.name,
        description: `TODO: check the guessed ${body.guess} against what the real rule does. Used in ${where}${entry.where.size > 5 ? ', …' : ''}.`,
        uses: entry.uses,
        props: Object.fromEntries(
          [...entry.props].map(([prop, info]) => [
            prop,
            { required: info.uses === entry.uses && info.example !== null, example: info.example, uses: info.uses },
          ]),
        ),
        do: body.do,
      };
    });
  return { rules };
}

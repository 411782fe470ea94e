/**
 * Builds docs/lifecycles.md from the default workflows in rulesets/: one table per workflow and
 * entity type — status → event → next status, who sends the event, what else happens — so the
 * document cannot drift from the files (test/docs/lifecycles.test.ts compares them;
 * `npm run docs:lifecycles` rewrites it).
 *
 * Who sends an event is read from the files too:
 * - `platform`: CREATE on an entity type the platform raises CREATE for (create-event.ts);
 * - `Batch API`: the event each inventory batch record raises (parse-batch-request.ts);
 * - `scheduler`: named by a rule with a `delay` prop (ScheduleEvent, SendScheduledEvent);
 * - `workflow`: named by another rule's event prop (`eventName`, `noMatchEventName`, …);
 * - `user action`: the ruleset declares `userActions`;
 * - `integration`: anything else (the events an integration sends over the Event API).
 * A ruleset whose description says `[inferred]` is marked so: that is the one place to look.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BATCH_EVENT } from '../../server/batch/parse-batch-request.js';
import { packagePath } from '../../server/lib/package-path.js';
import { CREATE_EVENT_ENTITY_TYPES, CREATE_EVENT_NAME } from '../../server/orchestration/create-event.js';

type RuleRef = { name: string; props?: Record<string, unknown> | null };
export type Ruleset = {
  name: string;
  description?: string;
  type: string;
  subtype?: string;
  rules: RuleRef[];
  triggers: { status: string }[];
  userActions?: unknown[];
};
export type Workflow = { name: string; entityType: string; entitySubtype: string; description?: string; rulesets: Ruleset[] };

/** One documented transition: what the tables show and the tests check. */
export type LifecycleRow = {
  workflow: string;
  entityType: string;
  subtype: string | undefined;
  statuses: string[];
  event: string;
  next: string | undefined;
  sentBy: string[];
  then: string[];
  inferred: boolean;
};

export const RULESETS_DIR = packagePath('rulesets');
export const LIFECYCLES_DOC = join(packagePath('docs'), 'lifecycles.md');

export function loadWorkflows(dir: string = RULESETS_DIR): Workflow[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Workflow);
}

const bare = (ruleName: string): string => ruleName.split('.').slice(-2).join('.');
// Event props: eventName, noMatchEventName, …, and ResolveOrderCoordinates' validAddress / invalidAddress.
const isEventProp = (key: string): boolean => /event(name)?$|^(valid|invalid)address$/i.test(key);

/** Event names sent by rules, with `scheduler` for rules that delay them. */
function sentByRules(workflows: readonly Workflow[]): Map<string, Set<string>> {
  const senders = new Map<string, Set<string>>();
  for (const wf of workflows) {
    for (const rs of wf.rulesets) {
      for (const rule of rs.rules) {
        const props = rule.props ?? {};
        for (const [key, value] of Object.entries(props)) {
          if (!isEventProp(key) || typeof value !== 'string') continue;
          const set = senders.get(value) ?? new Set<string>();
          set.add('delay' in props ? 'scheduler' : 'workflow');
          senders.set(value, set);
        }
      }
    }
  }
  return senders;
}

function whoSends(rs: Ruleset, ruleSent: Map<string, Set<string>>): string[] {
  const who = new Set<string>();
  if (rs.name === CREATE_EVENT_NAME) who.add(CREATE_EVENT_ENTITY_TYPES.has(rs.type) ? 'platform' : 'integration');
  if (rs.name === DEFAULT_BATCH_EVENT) who.add('Batch API');
  for (const s of ruleSent.get(rs.name) ?? []) who.add(s);
  if ((rs.userActions ?? []).length > 0) who.add('user action');
  if (who.size === 0) who.add('integration');
  return [...who];
}

function then(rs: Ruleset): string[] {
  const out: string[] = [];
  for (const rule of rs.rules) {
    const name = bare(rule.name);
    const props = rule.props ?? {};
    if (name.endsWith('.SetState') || name.endsWith('.ChangeStateGQL')) continue;
    const sent = Object.entries(props)
      .filter(([k, v]) => isEventProp(k) && typeof v === 'string')
      .map(([, v]) => `\`${String(v)}\``);
    out.push(sent.length > 0 ? `${name} → ${sent.join(' / ')}` : name);
  }
  return out;
}

export function lifecycleRows(workflows: readonly Workflow[] = loadWorkflows()): LifecycleRow[] {
  const ruleSent = sentByRules(workflows);
  return workflows.flatMap((wf) =>
    wf.rulesets.map((rs) => {
      const setState = rs.rules.filter((r) => /\.(SetState|ChangeStateGQL)$/.test(r.name)).at(-1);
      return {
        workflow: wf.name,
        entityType: rs.type,
        subtype: rs.subtype,
        statuses: rs.triggers.map((t) => t.status),
        event: rs.name,
        next: typeof setState?.props?.['status'] === 'string' ? setState.props['status'] : undefined,
        sentBy: whoSends(rs, ruleSent),
        then: then(rs),
        inferred: (rs.description ?? '').includes('[inferred]'),
      };
    }),
  );
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The whole of docs/lifecycles.md. */
export function renderLifecycles(workflows: readonly Workflow[] = loadWorkflows()): string {
  const rows = lifecycleRows(workflows);
  const out: string[] = [
    '# Lifecycles of the default workflows',
    '',
    '<!-- Generated from rulesets/*.json by `npm run docs:lifecycles`; test/docs/lifecycles.test.ts keeps it current. -->',
    '',
    "One table per workflow in `rulesets/` and entity type: in which status (the ruleset's",
    'triggers) an event is accepted, the status it sets, who sends it, and what else its rules do.',
    'Sent by: `platform` (CREATE after a create mutation), `Batch API` (one event per inventory batch',
    'record), `integration` (your code, over the Event API), `user action` (a UI user action),',
    "`workflow` (another ruleset's rule), `scheduler` (a rule that sends it later on the virtual",
    "clock). Rows marked [inferred] are behaviour the simulator chose where Fluent's reference is",
    'silent (workflow-contracts.md L or gaps); their ruleset description says so.',
    '',
  ];
  for (const wf of workflows) {
    out.push(`## ${wf.name}`, '');
    if (wf.description) out.push(wf.description, '');
    const types = [...new Set(wf.rulesets.map((rs) => rs.type))];
    for (const type of types) {
      out.push(`### ${type}`, '', '| status | event | next status | sent by | then |', '| --- | --- | --- | --- | --- |');
      for (const row of rows.filter((r) => r.workflow === wf.name && r.entityType === type)) {
        const event = `\`${row.event}\`${row.subtype && row.subtype !== wf.entitySubtype ? ` (${row.subtype})` : ''}${row.inferred ? ' [inferred]' : ''}`;
        out.push(`| ${row.statuses.join(', ') || 'any'} | ${event} | ${row.next ?? '—'} | ${row.sentBy.join(', ')} | ${cell(row.then.join('; ') || '—')} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

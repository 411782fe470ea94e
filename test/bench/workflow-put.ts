/**
 * Workflow loading figures for `npm run bench` (issue 10 item 4): `PUT /api/v4.1/workflow` of a
 * large workflow shaped like real exported ones (about 260 rulesets, 500 rules, a third of them
 * customer rules the simulator does not know, under `--unknown-rules skip`), over HTTP, beside
 * JSON.parse + JSON.stringify of the same body as the baseline.
 *
 * Provenance: the workflow is generated here; no customer file is copied.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { percentile } from './measure.js';

const STATUSES = ['CREATED', 'BOOKED', 'PICK_PACK', 'ESCALATED', 'COMPLETE', 'CANCELLED'];
const LIBRARY = [
  (i: number) => ({ name: '{{accountId}}.core.SetState', props: { status: STATUSES[i % STATUSES.length] } }),
  (i: number) => ({ name: 'ACME.commonv2.SendEventGQL', props: { eventName: `Step${(i + 1) % 260}` } }),
  (i: number) => ({ name: 'ACME.commonv2.ChangeStateGQL', props: { status: STATUSES[(i + 2) % STATUSES.length] } }),
  (i: number) => ({ name: 'ACME.core.IfPropertyEquals', props: { jsonpath: 'attributes.channel', value: `C${i % 7}`, eventName: `Step${(i + 3) % 260}` } }),
];
const CUSTOM_VERBS = ['Validate', 'Calculate', 'Notify', 'Sync', 'Reserve', 'Enrich', 'Publish', 'Audit', 'Route'];
const CUSTOM_NOUNS = ['Loyalty', 'Fraud', 'Carrier', 'Invoice', 'Payment', 'Stock', 'Address', 'Tax', 'Label', 'Warehouse'];

/** A Workflow Builder user action with one mandatory attribute. */
function userAction(eventName: string): Record<string, unknown> {
  return {
    eventName,
    context: [{ label: 'Run step', type: 'PRIMARY', modules: ['adminconsole'], confirm: true }],
    attributes: [{ name: 'reason', label: 'Reason', type: 'STRING', source: '', defaultValue: '', mandatory: true }],
  };
}

/** 261 rulesets, 506 rules, about 80 distinct customer rule names, about 340 KB of JSON. */
export function largeWorkflow(): Record<string, unknown> {
  let rule = 0;
  const rulesets = Array.from({ length: 261 }, (_, index) => {
    const count = index % 12 === 0 ? 1 : index % 50 === 1 ? 3 : 2;
    const rules = Array.from({ length: count }, () => {
      rule += 1;
      if (rule % 3 === 0) {
        const verb = CUSTOM_VERBS[rule % CUSTOM_VERBS.length]!;
        const noun = CUSTOM_NOUNS[Math.floor(rule / 9) % CUSTOM_NOUNS.length]!;
        const props = {
          endpoint: `https://erp.example.com/${verb.toLowerCase()}/${noun.toLowerCase()}`,
          retries: 3,
          timeoutMs: 5000,
          headers: { 'x-tenant': 'acme', 'x-flow': `step-${index}` },
        };
        return { name: `ACME.custom.${verb}${noun}`, props };
      }
      return LIBRARY[rule % LIBRARY.length]!(rule);
    });
    return {
      name: index === 0 ? 'CREATE' : `Step${index}`,
      description: `Step ${index} of the order journey: ${'checks, routing and notifications '.repeat(20)}`,
      type: index % 4 === 3 ? 'FULFILMENT' : 'ORDER',
      eventType: 'NORMAL',
      triggers: STATUSES.slice(0, 1 + (index % 4)).map((status) => ({ status })),
      rules,
      userActions: index % 5 === 0 ? [userAction(`Step${index}`)] : [],
    };
  });
  return {
    retailerId: '1',
    version: '1.0',
    entityType: 'ORDER',
    entitySubtype: 'HD',
    name: 'ORDER::HD',
    description: 'A large generated workflow in the shape of real exported ones',
    statuses: STATUSES.map((name) => ({ name, entityType: 'ORDER', category: 'BOOKING' })),
    rulesets,
  };
}

export async function benchWorkflowPut(): Promise<{
  putP50Ms: number;
  baselineP50Ms: number;
  rules: number;
  rulesets: number;
  kib: number;
  notSimulated: number;
}> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent', unknownRules: 'skip' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenRes = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
    method: 'POST',
  });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;

  const workflow = largeWorkflow();
  const body = JSON.stringify(workflow);
  const rulesets = workflow['rulesets'] as { rules: unknown[] }[];
  let notSimulated = 0;
  const put: number[] = [];
  for (let i = 0; i < 25; i += 1) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v4.1/workflow`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { unknownRules?: { count: number } };
    if (res.status !== 200) throw new Error(`PUT answered ${res.status}: ${JSON.stringify(answer)}`);
    put.push(Number(process.hrtime.bigint() - started) / 1e6);
    notSimulated = answer.unknownRules?.count ?? 0;
  }
  const baseline: number[] = [];
  for (let i = 0; i < 25; i += 1) {
    const started = process.hrtime.bigint();
    JSON.stringify(JSON.parse(body));
    baseline.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  server.close();
  await sim.close();
  return {
    putP50Ms: percentile(put.slice(5), 50),
    baselineP50Ms: percentile(baseline.slice(5), 50),
    rules: rulesets.reduce((sum, ruleset) => sum + ruleset.rules.length, 0),
    rulesets: rulesets.length,
    kib: Buffer.byteLength(body) / 1024,
    notSimulated,
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasLine, killAll, runCli, startCli } from '../support/spawn-cli.js';

/**
 * Loading workflows tells the truth at start-up (issue 10 item 4): the real CLI with a
 * `--workflows` folder whose files name rules the simulator does not know.
 */
beforeAll(ensureBuilt, 180_000);

let dir: string;
const workflow = (subtype: string, rules: string[]) => ({
  retailerId: '{{retailer_id}}',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: subtype,
  statuses: [{ name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' }],
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      eventType: 'NORMAL',
      triggers: [{ status: 'CREATED' }],
      rules: rules.map((name) => ({ name, props: { status: 'BOOKED' } })),
      userActions: [],
    },
  ],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fluent-sim-load-'));
  await writeFile(join(dir, 'order-b2b.json'), JSON.stringify(workflow('B2B', ['ACME.custom.CheckCredit', 'ACME.core.SetStatus', 'ACME.core.SetState'])));
  await writeFile(join(dir, 'order-rush.json'), JSON.stringify(workflow('RUSH', ['ACME.custom.CheckCredit'])));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(killAll);

describe('fluent-sim start --workflows with unknown rules', () => {
  it('logs under skip how many rules of each file will be no-ops, by name, with the closest known rule', async () => {
    const sim = await startCli(['--port', '0', '--workflows', dir, '--unknown-rules', 'skip']);
    const res = await sim.stop();
    const folder = basename(dir);
    expect(
      hasLine(
        res.stderr,
        `${folder}/order-b2b.json: 2 of 3 rules are not simulated and will run as no-ops`,
        'ACME.custom.CheckCredit',
        'ACME.core.SetStatus',
        'closest known rule: core.SetState',
      ),
      res.stderr,
    ).toBe(true);
    expect(hasLine(res.stderr, `${folder}/order-rush.json: 1 of 1 rule is not simulated`), res.stderr).toBe(true);
  });

  it('refuses to start under error, listing every unknown rule of every file', async () => {
    const res = await runCli(['--port', '0', '--workflows', dir, '--unknown-rules', 'error']);
    const folder = basename(dir);
    expect(res.code).not.toBe(0);
    expect(res.stdout).not.toContain('listening on');
    expect(res.stderr).toContain('2 workflows: 3 rules name rules the simulator does not know (3 distinct names; unknown-rule policy "error")');
    expect(res.stderr).toContain(`- "ACME.custom.CheckCredit" at ${folder}/order-b2b.json#/rulesets/0/rules/0/name`);
    expect(res.stderr).toContain(
      `- "ACME.core.SetStatus" at ${folder}/order-b2b.json#/rulesets/0/rules/1/name (looked up as "core.SetStatus"): closest known rule: core.SetState`,
    );
    expect(res.stderr).toContain(`- "ACME.custom.CheckCredit" at ${folder}/order-rush.json#/rulesets/0/rules/0/name`);
  });
});

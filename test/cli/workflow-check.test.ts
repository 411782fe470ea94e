import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWorkflowCheck, type CheckOptions } from '../../server/cli/offline-commands.js';
import type { WorkflowReport } from '../../server/cli/check-workflow.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/your-own-rules/${name}`, import.meta.url));

async function check(options: Partial<CheckOptions> & { path: string }): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runWorkflowCheck(options, { out: (text) => (out += text), err: () => undefined });
  return { code, out };
}

async function reports(options: Partial<CheckOptions> & { path: string }): Promise<WorkflowReport[]> {
  return (JSON.parse((await check({ ...options, json: true })).out) as { workflows: WorkflowReport[] }).workflows;
}

describe('fluent-sim workflow check', () => {
  it('reports the mess of a real export: rules by kind, coverage, unreachable rulesets, dead ends, problems', async () => {
    const [broken, messy] = await reports({ path: fixture('messy'), vars: fixture('vars.json') });
    expect(broken).toMatchObject({ source: 'messy/broken.json', error: 'messy/broken.json#/rulesets: expected rulesets to be an array' });
    expect(messy!.name).toBe('ORDER::CC');
    expect(messy!.rules.map((rule) => [rule.name, rule.uses, rule.kind])).toEqual([
      ['{{accountId}}.core.SetState', 3, 'library'],
      ['ACME.acmeorder.CaptureOrderActivity', 1, 'unknown'],
      ['ACME.cc.CaptureOrderActivity', 1, 'unknown'],
      ['ACME.cc.CheckHold', 1, 'unknown'],
      ['ACME.cc.ExpireAfter', 1, 'unknown'],
      ['ACME.cc.MarkCollected', 1, 'unknown'],
      ['ACME.cc.SendEventIfAnyLineItemStatusMatches', 1, 'unknown'],
      ['ACME.commonv2.SendEventGQL', 1, 'library'],
    ]);
    expect(messy!.coverage).toEqual({ distinctRules: { known: 2, total: 8, percent: 25 }, uses: { known: 4, total: 10, percent: 40 } });
    expect(messy!.unreachableRulesets.map((r) => [r.ruleset, r.reason])).toEqual([
      ['NotifyStore', 'its triggers (AWAITING_COLLECTON) are ORDER statuses no rule sets'],
      ['ReleaseHold', 'its triggers (ON_HOLD) are ORDER statuses no rule sets'],
    ]);
    expect(messy!.deadEndStatuses).toEqual([{ status: 'READY', entityType: 'ORDER' }]);
    expect(messy!.externalEvents).toEqual(['CustomerCollected', 'ReleaseHold']);
    expect(messy!.placeholders).toEqual(['accountId']);
    expect(messy!.problems).toEqual([
      'messy/order-cc.json#/statuses/1/name: status without a name',
      'messy/order-cc.json#/statuses/3: ORDER status "READY" is declared twice',
      'messy/order-cc.json#/rulesets/0/userActions/0: user action without eventName',
      'messy/order-cc.json#/rulesets/1/triggers/0/status: "AWAITING_COLLECTON" is not a declared ORDER status',
      expect.stringMatching(/^messy\/order-cc\.json#\/rulesets\/3\/rules\/2\/props\/status: .*core\.SetState in ruleset "CustomerCollected"/),
    ]);
  });

  it('leaves placeholders without --vars and still resolves library rules by their bare name', async () => {
    const [workflow] = await reports({ path: fixture('workflows/order-hd.json') });
    expect(workflow!.placeholders).toEqual(['retailer_id', 'fluent.account.plugin.v2.prefix', 'fluent.account.custom.prefix']);
    expect(workflow!.rules.find((rule) => rule.name === '{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL')).toMatchObject({
      kind: 'library',
      resolvedAs: 'commonv2.ChangeStateGQL',
      uses: 7,
    });
    expect(workflow!.coverage.distinctRules).toEqual({ known: 2, total: 8, percent: 25 });
  });

  it('counts stubs as covered and exits 0 under --strict when nothing is unknown', async () => {
    const options = { path: fixture('workflows'), vars: fixture('vars.json'), ruleStubs: fixture('stubs.json'), strict: true };
    const [workflow] = await reports(options);
    expect(workflow!.coverage).toEqual({ distinctRules: { known: 8, total: 8, percent: 100 }, uses: { known: 16, total: 16, percent: 100 } });
    expect(workflow!.rules.filter((rule) => rule.kind === 'stub')).toHaveLength(6);
    expect((await check(options)).code).toBe(0);
    expect((await check({ ...options, ruleStubs: undefined })).code).toBe(1);
    expect((await check({ ...options, ruleStubs: undefined, strict: false })).code).toBe(0);
  });

  it('tells JS rule modules from stubs and library rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-check-rules-'));
    writeFileSync(
      join(dir, 'notify-erp.mjs'),
      "export default ({ z, defineRule }) => defineRule({ name: 'acmeorder.NotifyErp', description: 'test', props: z.object({ setting: z.string() }), run: () => [] });\n",
    );
    const [workflow] = await reports({ path: fixture('workflows'), vars: fixture('vars.json'), rules: dir });
    expect(workflow!.rules.find((rule) => rule.name === 'ACME.acmeorder.NotifyErp')).toMatchObject({
      kind: 'module',
      resolvedAs: 'acmeorder.NotifyErp',
      uses: 2,
    });
    expect(workflow!.coverage.uses).toEqual({ known: 10, total: 16, percent: 63 });
  });

  it('prints a table for people', async () => {
    const { out } = await check({ path: fixture('workflows'), vars: fixture('vars.json') });
    const lines = out.split('\n');
    expect(lines[0]).toBe('ORDER::HD (workflows/order-hd.json): 9 rulesets, 9 statuses, 8 distinct rules in 16 uses');
    expect(lines).toContain('  ACME.commonv2.ChangeStateGQL                      7  simulated (commonv2.ChangeStateGQL)');
    expect(lines).toContain('  ACME.acmeorder.ValidateOrderItems                 1  UNKNOWN');
    expect(lines).toContain('  coverage: 2/8 distinct rules (25 %), 8/16 uses (50 %)');
    expect(lines.at(-1)).toBe(
      '6 rule(s) the simulator does not know: they run as no-ops under --unknown-rules skip. Write stubs for them: fluent-sim rules scaffold <path> --out stubs.json',
    );
  });
});

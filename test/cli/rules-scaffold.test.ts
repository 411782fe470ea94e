import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRulesScaffold, runWorkflowCheck } from '../../server/cli/offline-commands.js';
import type { Scaffold } from '../../server/cli/scaffold-stubs.js';
import { parseStubFile } from '../../server/orchestration/stubs/parse-stub-file.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/your-own-rules/${name}`, import.meta.url));
const silent = { out: () => undefined, err: () => undefined };

async function scaffold(path: string, vars?: string): Promise<{ file: string; scaffold: Scaffold }> {
  const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-scaffold-')), 'stubs.json');
  await runRulesScaffold({ path, out: file, ...(vars ? { vars } : {}) }, silent);
  return { file, scaffold: JSON.parse(readFileSync(file, 'utf8')) as Scaffold };
}

describe('fluent-sim rules scaffold', () => {
  it('writes one entry per unknown rule with its props as used and a body guessed from their shape', async () => {
    const { scaffold: out } = await scaffold(fixture('messy'), fixture('vars.json'));
    const byName = Object.fromEntries(out.rules.map((rule) => [rule.name, rule]));
    expect(Object.keys(byName)).toEqual([
      'ACME.acmeorder.CaptureOrderActivity',
      'ACME.cc.CaptureOrderActivity',
      'ACME.cc.CheckHold',
      'ACME.cc.ExpireAfter',
      'ACME.cc.MarkCollected',
      'ACME.cc.SendEventIfAnyLineItemStatusMatches',
    ]);
    expect(byName['ACME.cc.CaptureOrderActivity']).toMatchObject({
      uses: 1,
      props: {},
      do: [{ noop: 'TODO: describe what ACME.cc.CaptureOrderActivity does with building blocks' }],
    });
    expect(byName['ACME.cc.CheckHold']!.do).toEqual([
      {
        branch: {
          label: 'TODO: when does it send noMatchEventName?',
          if: { always: true },
          then: [{ sendEvent: { name: '{{props.eventName}}' } }],
          else: [{ sendEvent: { name: '{{props.noMatchEventName}}' } }],
        },
      },
    ]);
    expect(byName['ACME.cc.ExpireAfter']).toMatchObject({
      props: { eventName: { required: true, example: 'Expire', uses: 1 }, delaySeconds: { required: true, example: '604800', uses: 1 } },
      do: [{ sendEvent: { name: '{{props.eventName}}', delay: '{{props.delaySeconds}}' } }],
    });
    expect(byName['ACME.cc.MarkCollected']!.do).toEqual([{ setStatus: { status: '{{props.status}}' } }]);
    expect(byName['ACME.cc.SendEventIfAnyLineItemStatusMatches']!.do).toEqual([{ sendEvent: { name: '{{props.eventName}}' } }]);
  });

  it('guesses a status branch for eventName + noMatchEventName with a status list, and merges uses across rulesets', async () => {
    const { scaffold: out } = await scaffold(fixture('workflows'), fixture('vars.json'));
    const check = out.rules.find((rule) => rule.name === 'ACME.acmeorder.CheckOrderStatusMatchesList')!;
    expect(check.do).toEqual([
      {
        branch: {
          label: 'statusList matches',
          if: { statusIn: '{{props.statusList}}', of: 'order' },
          then: [{ sendEvent: { name: '{{props.eventName}}' } }],
          else: [{ sendEvent: { name: '{{props.noMatchEventName}}' } }],
        },
      },
    ]);
    expect(out.rules.find((rule) => rule.name === 'ACME.acmeorder.NotifyErp')).toMatchObject({
      uses: 2,
      props: { setting: { uses: 2, required: true } },
      do: [{ webhook: { setting: '{{props.setting}}' } }],
    });
  });

  it('names rules behind an unset placeholder by namespace-less name, and writes a file the simulator loads', async () => {
    const { file, scaffold: out } = await scaffold(fixture('workflows'));
    expect(out.rules.map((rule) => rule.name)).toContain('ValidateOrderItems');
    expect(parseStubFile(readFileSync(file, 'utf8'), file).rules).toHaveLength(6);
    let json = '';
    await runWorkflowCheck({ path: fixture('workflows'), ruleStubs: file, json: true }, { out: (text) => (json = text), err: () => undefined });
    expect(JSON.parse(json).workflows[0].coverage.distinctRules).toEqual({ known: 8, total: 8, percent: 100 });
  });
});

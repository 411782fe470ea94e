import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimError } from '../../server/domain/errors.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { describeSkipped } from '../../server/orchestration/unknown-rules.js';
import { ANY_RETAILER, createWorkflowStore } from '../../server/orchestration/workflow-store.js';
import { nextVersion, workflowVersionNumber } from '../../server/orchestration/workflow-version.js';
import { orderWorkflow, TEST_RULES } from './engine-harness.js';

const store = () => createWorkflowStore({ registry: createRuleRegistry(TEST_RULES) });
const wf = (status: string, extra: Record<string, unknown> = {}) =>
  orderWorkflow([{ name: 'CREATE', triggers: ['CREATED'], rules: [['test.SetState', { status }]] }], extra);
const statusOf = (compiled: { workflow: { rulesets: { rules: { props?: unknown }[] }[] } } | undefined) =>
  (compiled?.workflow.rulesets[0]?.rules[0]?.props as { status?: string } | undefined)?.status;

describe('workflow versions', () => {
  it.each([
    [undefined, undefined, '1.0'],
    [undefined, '1.5', '1.0'],
    [undefined, '3.2', '3.0'],
    ['1.0', '1.0', '1.1'],
    ['1.9', undefined, '1.10'],
    ['1.4', '2.0', '2.0'],
    ['2.3', '1.0', '2.4'],
  ])('after %s, a PUT of version %s is stored as %s', (latest, requested, expected) => {
    expect(nextVersion(latest, requested)).toBe(expected);
  });

  it('maps a version to the entity workflowVersion Int by its major number', () => {
    expect([workflowVersionNumber('1.0'), workflowVersionNumber('1.17'), workflowVersionNumber('2.3'), workflowVersionNumber('x')]).toEqual([1, 1, 2, 1]);
  });
});

describe('createWorkflowStore', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores PUTs as 1.0, 1.1, 1.2 and answers the platform entityId', () => {
    const workflows = store();
    expect(workflows.put(wf('A'))).toEqual({ entityId: '1-ORDER::HD::1.0', eventStatus: 'COMPLETE' });
    expect(workflows.put(wf('B'))).toEqual({ entityId: '1-ORDER::HD::1.1', eventStatus: 'COMPLETE' });
    expect(workflows.put(wf('C', { retailerId: 1 }))).toEqual({ entityId: '1-ORDER::HD::1.2', eventStatus: 'COMPLETE' });
    expect(workflows.latest('1', 'ORDER::HD')?.version).toBe('1.2');
    expect(workflows.latest('1', 'ORDER::HD')?.workflow.version).toBe('1.2');
    expect(statusOf(workflows.get('1', 'ORDER::HD', '1.1'))).toBe('B');
    expect(workflows.get('1', 'ORDER::HD', '1.7')).toBeUndefined();
    expect(workflows.latest('2', 'ORDER::HD')).toBeUndefined();
    expect(workflows.list()).toEqual([{ retailerId: '1', name: 'ORDER::HD', versions: ['1.0', '1.1', '1.2'] }]);
  });

  it('refuses a PUT without retailerId or with an unknown rule, storing nothing', () => {
    const workflows = store();
    expect(() => workflows.put(wf('A', { retailerId: null }))).toThrow("'retailerId' is required");
    const bad = orderWorkflow([{ name: 'CREATE', rules: [['test.SetStatus', { status: 'A' }]] }]);
    expect(() => workflows.put(bad)).toThrow(
      '"ACME.test.SetStatus" at request body#/rulesets/0/rules/0/name (looked up as "test.SetStatus"): closest known rule: test.SetState',
    );
    expect(workflows.list()).toEqual([]);
  });

  it('applies a workflow with a placeholder retailerId to every retailer; a retailer’s own wins', () => {
    const workflows = store();
    workflows.load(wf('SHARED', { retailerId: '{{retailer_id}}' }), 'rulesets/order-hd.json');
    expect(statusOf(workflows.latest('1', 'ORDER::HD'))).toBe('SHARED');
    expect(statusOf(workflows.latest('42', 'ORDER::HD'))).toBe('SHARED');
    workflows.put(wf('OWN', { retailerId: '42' }));
    expect(statusOf(workflows.latest('42', 'ORDER::HD'))).toBe('OWN');
    expect(statusOf(workflows.latest('1', 'ORDER::HD'))).toBe('SHARED');
    expect(workflows.list().map((entry) => entry.retailerId)).toEqual([ANY_RETAILER, '42']);
  });

  it('keeps a file’s own version when it is newer, and bumps otherwise', () => {
    const workflows = store();
    expect(workflows.load(wf('A', { version: '1.17' }), 'a.json').version).toBe('1.17');
    expect(workflows.load(wf('B', { version: '1.3' }), 'b.json').version).toBe('1.18');
    expect(workflows.load(wf('C', { version: '1.30' }), 'c.json').version).toBe('1.30');
  });

  it('finds the latest minor of the major an entity names, else the latest', () => {
    const workflows = store();
    workflows.put(wf('A'));
    workflows.put(wf('B'));
    expect(workflows.forEntity('1', 'ORDER::HD', 1)?.version).toBe('1.1');
    expect(workflows.versionNumberFor('ORDER::HD', '1')).toBe(1);
    workflows.put(wf('C', { version: '2.0' }));
    workflows.put(wf('D'));
    expect(workflows.list()[0]?.versions).toEqual(['1.0', '1.1', '2.0', '2.1']);
    expect(workflows.forEntity('1', 'ORDER::HD', 1)?.version).toBe('1.1');
    expect(workflows.forEntity('1', 'ORDER::HD', 2)?.version).toBe('2.1');
    expect(workflows.forEntity('1', 'ORDER::HD', 9)?.version).toBe('2.1');
    expect(workflows.forEntity('1', 'ORDER::HD', undefined)?.version).toBe('2.1');
    expect(workflows.versions('1', 'ORDER::HD').map((v) => v.version)).toEqual(['1.0', '1.1', '2.0', '2.1']);
    expect(workflows.versionNumberFor('ORDER::HD', '1')).toBe(2);
    expect(workflows.versionNumberFor('ORDER::HD')).toBe(2);
    expect(workflows.versionNumberFor('ORDER::HD', '7')).toBeUndefined();
    expect(workflows.versionNumberFor('ORDER::CC')).toBeUndefined();
  });

  it('loads a folder of workflow files, all or nothing, naming the file in errors', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fluent-sim-wf-'));
    await writeFile(join(dir, 'order-hd.json'), JSON.stringify(wf('A')));
    await writeFile(join(dir, 'order-cc.json'), JSON.stringify({ ...wf('B'), entitySubtype: 'CC', name: undefined }));
    await writeFile(join(dir, 'README.md'), '# not a workflow');
    const workflows = store();
    expect((await workflows.loadDir(dir)).map((c) => [c.source, c.name, c.version])).toEqual([
      [`${basename(dir)}/order-cc.json`, 'ORDER::CC', '1.0'],
      [`${basename(dir)}/order-hd.json`, 'ORDER::HD', '1.0'],
    ]);

    await writeFile(join(dir, 'zz-broken.json'), JSON.stringify({ ...wf('C'), rulesets: [{ name: 'CREATE', rules: [{ props: {} }] }] }));
    const fresh = store();
    await expect(fresh.loadDir(dir)).rejects.toThrow(`${basename(dir)}/zz-broken.json#/rulesets/0/rules/0/name`);
    expect(fresh.list()).toEqual([]);
  });

  it('lists every unknown rule of every file in one error under the error policy, storing nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fluent-sim-wf-'));
    const withRules = (subtype: string, ...rules: string[]) => ({
      ...orderWorkflow([{ name: 'CREATE', rules: rules.map((rule): [string] => [rule]) }]),
      entitySubtype: subtype,
    });
    await writeFile(join(dir, 'a.json'), JSON.stringify(withRules('CC', 'custom.CheckFraud', 'test.SetStat')));
    await writeFile(join(dir, 'b.json'), JSON.stringify(withRules('HD', 'custom.CheckFraud')));
    const workflows = store();
    const error = await workflows.loadDirs([dir]).then(
      () => undefined,
      (thrown: unknown) => thrown as SimError,
    );
    const folder = basename(dir);
    expect(error?.code).toBe('RULE_NOT_FOUND');
    expect(error?.message.split('\n').slice(0, 4)).toEqual([
      '2 workflows: 3 rules name rules the simulator does not know (3 distinct names; unknown-rule policy "error"):',
      `- "ACME.custom.CheckFraud" at ${folder}/a.json#/rulesets/0/rules/0/name (looked up as "custom.CheckFraud"): no known rule is close to it`,
      `- "ACME.test.SetStat" at ${folder}/a.json#/rulesets/0/rules/1/name (looked up as "test.SetStat"): closest known rule: test.SetState`,
      `- "ACME.custom.CheckFraud" at ${folder}/b.json#/rulesets/0/rules/0/name (looked up as "custom.CheckFraud"): no known rule is close to it`,
    ]);
    expect(workflows.list()).toEqual([]);

    const skipping = createWorkflowStore({ registry: createRuleRegistry(TEST_RULES, { unknownRulePolicy: 'skip' }) });
    const loaded = await skipping.loadDirs([dir]);
    expect(loaded.map((compiled) => [compiled.source, compiled.unknownRules.count])).toEqual([
      [`${folder}/a.json`, 2],
      [`${folder}/b.json`, 1],
    ]);
    expect(describeSkipped(loaded[0]!.unknownRules)).toBe(
      `${folder}/a.json: 2 of 2 rules are not simulated and will run as no-ops (unknown-rule policy "skip"), 2 distinct names: ` +
        '"ACME.custom.CheckFraud"; "ACME.test.SetStat": closest known rule: test.SetState',
    );
  });

  it('compiles each rule once per PUT', () => {
    const registry = createRuleRegistry(TEST_RULES, { unknownRulePolicy: 'skip' });
    const compileRule = vi.spyOn(registry, 'compileRule');
    const workflows = createWorkflowStore({ registry });
    workflows.put(orderWorkflow([{ name: 'CREATE', rules: [['test.SetState', { status: 'A' }], ['custom.CheckFraud']] }]));
    expect(compileRule).toHaveBeenCalledTimes(2);
  });

  it('restores every version from toJSON()', () => {
    const workflows = store();
    workflows.put(wf('A'));
    workflows.put(wf('B'));
    workflows.load(wf('S', { retailerId: '{{retailer_id}}', entitySubtype: 'CC', name: 'ORDER::CC' }), 'rulesets/order-cc.json');
    const saved = JSON.parse(JSON.stringify(workflows.toJSON()));
    const copy = store();
    copy.restore(saved);
    expect(copy.list()).toEqual(workflows.list());
    expect(statusOf(copy.get('1', 'ORDER::HD', '1.0'))).toBe('A');
    expect(copy.latest('7', 'ORDER::CC')?.source).toBe('rulesets/order-cc.json');
  });
});

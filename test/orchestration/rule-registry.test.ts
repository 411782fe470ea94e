import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRule, type Rule } from '../../server/orchestration/port.js';
import { createRuleRegistry, loadUserRules } from '../../server/orchestration/rule-registry.js';
import { ruleLookup } from '../../server/orchestration/rule-name.js';
import { errorOf } from '../support/error-of.js';

const rule = (name: string, aliases: string[] = []): Rule<{ status: string }> =>
  defineRule({ name, aliases, description: `${name} for tests`, props: z.object({ status: z.string().min(1) }), run: () => [] });

const setState = rule('core.SetState', ['commonv2.ChangeStateGQL', 'base.ChangeStateGQL']);
const forward = rule('commongi.Forward');
const customForward = rule('custom.Forward');

const where = { source: 'rulesets/order-hd.json', path: ['rulesets', 3, 'rules', 0], rulesetName: 'CREATE' };

describe('ruleLookup', () => {
  it.each([
    ['ACME.core.SetState', { keys: ['ACME.core.SetState', 'core.SetState'], bare: undefined }],
    ['{{accountId}}.core.SetState', { keys: ['core.SetState'], bare: undefined }],
    ['{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL', { keys: [], bare: 'ChangeStateGQL' }],
    [
      'FLUENTRETAIL.base.SendEventForAllFulfilments',
      { keys: ['FLUENTRETAIL.base.SendEventForAllFulfilments', 'base.SendEventForAllFulfilments'], bare: undefined },
    ],
    ['SetState', { keys: [], bare: 'SetState' }],
  ])('turns %s into registry keys', (written, expected) => {
    expect(ruleLookup(written)).toEqual(expected);
  });
});

describe('createRuleRegistry', () => {
  const registry = createRuleRegistry([setState, forward, customForward]);

  it.each([
    ['ACME.core.SetState', 'core.SetState'],
    ['{{accountId}}.core.SetState', 'core.SetState'],
    ['{{AccountId}}.commonv2.ChangeStateGQL', 'commonv2.ChangeStateGQL'],
    ['{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL', 'commonv2.ChangeStateGQL'],
    ['FLUENTRETAIL.base.ChangeStateGQL', 'base.ChangeStateGQL'],
    ['core.SetState', 'core.SetState'],
    ['SetState', 'core.SetState'],
  ])('resolves %s to %s', (written, key) => {
    expect(registry.resolve(written)).toMatchObject({ type: 'found', key, rule: setState });
  });

  it('refuses a bare name that two implementations share, and never falls back to bare for namespaced names', () => {
    expect(registry.resolve('Forward')).toEqual({ type: 'ambiguous', lookedUp: 'Forward', candidates: ['commongi.Forward', 'custom.Forward'] });
    expect(registry.resolve('ACME.other.SetState')).toMatchObject({ type: 'unknown', lookedUp: 'other.SetState' });
  });

  it('computes close names for an unknown rule only when they are read', () => {
    const resolution = registry.resolve('ACME.core.SetStatus');
    expect(Object.getOwnPropertyDescriptor(resolution, 'suggestions')?.get).toBeTypeOf('function');
    expect(resolution).toMatchObject({ type: 'unknown', suggestions: ['core.SetState'] });
    expect(Object.getOwnPropertyDescriptor(resolution, 'suggestions')).toMatchObject({ value: ['core.SetState'] });
  });

  it('fails an unknown rule under the error policy with its location and close names', () => {
    const error = errorOf(() => registry.compileRule({ name: 'ACME.core.SetStatus', props: { status: 'X' } }, where));
    expect(error.code).toBe('RULE_NOT_FOUND');
    expect(error.message).toBe(
      'Ruleset "CREATE" (rulesets/order-hd.json#/rulesets/3/rules/0) references unknown rule "ACME.core.SetStatus" ' +
        '(looked up as "core.SetStatus"). Known rules close to it: core.SetState. ' +
        'Supply it with --rules DIR, or load with the unknown-rule policy "skip".',
    );
  });

  it('puts a placeholder in place of an unknown rule under the skip policy', () => {
    const skipping = createRuleRegistry([setState], { unknownRulePolicy: 'skip' });
    const compiled = skipping.compileRule({ name: 'ACME.custom.DoThings', props: { any: 1 } }, where);
    expect(compiled).toMatchObject({ name: 'ACME.custom.DoThings', simulated: false, resolvedAs: undefined, props: { any: 1 } });
    expect(compiled.rule.run({} as never)).toEqual([]);
  });

  it('validates props at load time, naming the pointer and what was expected', () => {
    const error = errorOf(() => registry.compileRule({ name: 'ACME.core.SetState', props: { status: 3 } }, where));
    expect(error.code).toBe('WORKFLOW_INVALID');
    expect(error.message).toContain('rulesets/order-hd.json#/rulesets/3/rules/0/props/status: Invalid input: expected string, received number');
    expect(error.message).toContain('expected props {"type":"object","properties":{"status":{"type":"string","minLength":1}},"required":["status"]');
    expect(registry.compileRule({ name: 'ACME.core.SetState', props: { status: 'OK' } }, where)).toMatchObject({ simulated: true, props: { status: 'OK' } });
  });

  it('refuses two rules claiming one name, and lets added rules replace known ones', () => {
    expect(() => createRuleRegistry([setState, rule('core.SetState')])).toThrow(/both claim the name "core.SetState"/);
    const extended = createRuleRegistry([setState]);
    const mine = rule('core.SetState');
    extended.add([mine]);
    expect(extended.resolve('ACME.core.SetState')).toMatchObject({ rule: mine });
    expect(extended.resolve('ACME.commonv2.ChangeStateGQL')).toMatchObject({ rule: setState });
  });

  it('lists a catalogue with props as JSON Schema', () => {
    expect(registry.catalogue()[1]).toEqual({
      name: 'core.SetState',
      aliases: ['commonv2.ChangeStateGQL', 'base.ChangeStateGQL'],
      module: 'Core Reference Module',
      description: 'core.SetState for tests',
      inferred: null,
      props: expect.objectContaining({ type: 'object', required: ['status'] }),
    });
  });
});

describe('loadUserRules', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ruleSource = (name: string) =>
    `{ name: '${name}', description: 'user rule', props: { safeParse: (v) => ({ success: true, data: v }) }, run: () => [] }`;

  it('loads default and named exports of .js and .mjs files in name order', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fluent-sim-rules-'));
    await writeFile(join(dir, 'b.mjs'), `export default ${ruleSource('acme.B')};\nexport const more = [${ruleSource('acme.C')}];\n`);
    await writeFile(join(dir, 'a.js'), `export const a = ${ruleSource('acme.A')};\nexport const notARule = 42;\n`);
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const rules = await loadUserRules(dir);
    expect(rules.map((r) => r.name)).toEqual(['acme.A', 'acme.B', 'acme.C']);
    const registry = createRuleRegistry([]);
    registry.add(rules);
    expect(registry.resolve('ACME.acme.B')).toMatchObject({ type: 'found' });
  });

  it('refuses a module that exports no rule, and a missing folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fluent-sim-rules-'));
    await writeFile(join(dir, 'empty.mjs'), 'export const x = 1;\n');
    await expect(loadUserRules(dir)).rejects.toThrow(/empty\.mjs exports no rule/);
    await expect(loadUserRules(join(dir, 'missing'))).rejects.toThrow(/not a folder/);
  });
});

import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../server/orchestration/compile-workflow.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';
import { parseWorkflow } from '../../server/orchestration/workflow.js';
import { MESSY_ORDER_WORKFLOW } from './messy-workflow.js';
import { errorOf } from '../support/error-of.js';

const minimal = (rulesets: unknown[]) => ({ retailerId: '1', version: '1.0', entityType: 'ORDER', entitySubtype: 'HD', statuses: [], rulesets });

describe('parseWorkflow', () => {
  it('accepts a messy real-format workflow and keeps its extra keys', () => {
    const workflow = parseWorkflow(MESSY_ORDER_WORKFLOW, 'rulesets/order-hd.json');
    expect(workflow).toMatchObject({ retailerId: '1', version: '1.17', name: 'ORDER::HD', 'x-exported-by': 'workflow-builder' });
    expect(workflow.statuses).toHaveLength(6);
    expect(workflow.rulesets[0]?.rules[1]?.props).toBeNull(); // kept as written: a GET returns it so
    expect(workflow.rulesets[1]).toMatchObject({ subtype: 'HD', 'x-notes': 'kept as is' });
    expect(workflow.rulesets[3]?.userActions).toBeNull();
    expect(workflow.settings).toEqual({ 'fc.rubix.sdk.webhook.retry.method': 'preserve-event-details' });
  });

  it('names an unnamed workflow ENTITYTYPE::SUBTYPE and parses JSON text', () => {
    const text = JSON.stringify({ ...minimal([]), name: undefined, retailerId: 7, version: 2 });
    expect(parseWorkflow(text, 'x.json')).toMatchObject({ name: 'ORDER::HD', retailerId: '7', version: '2' });
  });

  it.each([
    [
      'a rule without a name',
      minimal([
        { name: 'CREATE', rules: [{ name: 'ACME.core.SetState' }] },
        { name: 'X', rules: [{ props: {} }] },
      ]),
      'rulesets/order-hd.json#/rulesets/1/rules/0/name: expected the rule name as a string',
    ],
    ['a ruleset without a name', minimal([{ rules: [] }]), 'rulesets/order-hd.json#/rulesets/0/name: expected the ruleset name'],
    ['rules that are not an array', minimal([{ name: 'CREATE', rules: null }]), 'rulesets/order-hd.json#/rulesets/0/rules: expected rules to be an array'],
    ['no rulesets', { entityType: 'ORDER' }, 'rulesets/order-hd.json#/rulesets: expected rulesets to be an array'],
    ['no entityType', { rulesets: [] }, 'rulesets/order-hd.json#/entityType: expected entityType'],
    [
      'props that are not an object',
      minimal([{ name: 'A', rules: [{ name: 'a.B', props: 'x' }] }]),
      '#/rulesets/0/rules/0/props: expected props to be an object or null',
    ],
  ])('rejects %s with the source and a JSON pointer', (_case, json, message) => {
    const error = errorOf(() => parseWorkflow(json, 'rulesets/order-hd.json'));
    expect(error.code).toBe('WORKFLOW_INVALID');
    expect(error.message).toContain(message);
  });

  it('escapes pointer segments and summarises long problem lists', () => {
    const rulesets = Array.from({ length: 8 }, () => ({ name: '', rules: [] }));
    const error = errorOf(() => parseWorkflow(minimal(rulesets), 'a/b.json'));
    expect(error.message).toContain('a/b.json#/rulesets/0/name: the ruleset name must not be empty');
    expect(error.message).toMatch(/and 3 more problem\(s\)$/);
    expect(errorOf(() => parseWorkflow('{oops', 'bad.json')).message).toMatch(/^bad\.json: not valid JSON/);
    expect(errorOf(() => parseWorkflow([], 'list.json')).message).toBe('list.json#: expected a workflow JSON object');
  });

  it('loads the messy workflow with customer rules mixed in under the skip policy', () => {
    const registry = createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'skip' });
    const compiled = compileWorkflow(parseWorkflow(MESSY_ORDER_WORKFLOW, 'rulesets/order-hd.json'), registry, 'rulesets/order-hd.json');
    const rules = compiled.rulesets.flatMap((ruleset) => ruleset.rules);
    const byName = (name: string) => rules.find((rule) => rule.name === name);
    // SetState family: resolved through every prefix style.
    for (const name of [
      '{{accountId}}.core.SetState',
      '{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL',
      'FLUENTRETAIL.base.ChangeStateGQL',
      'ACME.core.SetState',
    ]) {
      expect(byName(name)).toMatchObject({ simulated: true, rule: { name: 'core.SetState' } });
    }
    // Customer-specific rules: placeholders.
    expect(byName('ACME.custom.ValidateLoyaltyNumber')).toMatchObject({ simulated: false, resolvedAs: undefined });
    expect(byName('ACME.ordercustom.CalculateSplitShipment')).toMatchObject({ simulated: false, props: { maxSplits: 3, weights: [1, 2] } });
    expect(compiled.rulesetsByName.get('CREATE')?.map((r) => r.type)).toEqual(['ORDER', 'FULFILMENT']);
    expect(compiled.rulesets[2]?.triggers).toEqual(['BOOKED', 'VALIDATED']);
  });

  it('refuses the same workflow under the error policy, listing every unknown rule', () => {
    const registry = createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'error' });
    const workflow = parseWorkflow(MESSY_ORDER_WORKFLOW, 'rulesets/order-hd.json');
    const error = errorOf(() => compileWorkflow(workflow, registry, 'rulesets/order-hd.json'));
    expect(error.code).toBe('RULE_NOT_FOUND');
    expect(error.message).toContain('"ACME.custom.ValidateLoyaltyNumber" at rulesets/order-hd.json#/rulesets/0/rules/1/name');
    expect(error.message).toContain('"ACME.ordercustom.CalculateSplitShipment" at rulesets/order-hd.json#/rulesets/1/rules/1/name');
    expect(error.details).toEqual({ unknownRules: ['ACME.custom.ValidateLoyaltyNumber', 'ACME.ordercustom.CalculateSplitShipment'] });
  });
});

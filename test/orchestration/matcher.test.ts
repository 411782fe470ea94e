import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../server/orchestration/compile-workflow.js';
import { closestRulesetNames } from '../../server/orchestration/name-similarity.js';
import { checkRuleset, explainNoMatch, matchingRulesets, matchRulesets, type MatchSubject } from '../../server/orchestration/matcher.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { parseWorkflow } from '../../server/orchestration/workflow.js';
import { orderWorkflow, TEST_RULES } from './engine-harness.js';

const workflow = compileWorkflow(
  parseWorkflow(
    orderWorkflow([
      { name: 'CREATE', triggers: ['CREATED'], rules: [] },
      { name: 'Pick', type: 'FULFILMENT', subtype: 'HD_PFS', triggers: ['AWAITING_WAVE', 'PARTIAL'], rules: [] },
      { name: 'Pick', type: 'FULFILMENT', triggers: ['AWAITING_WAVE'], rules: [] },
      { name: 'Anything', rules: [] },
    ]),
    'm.json',
  ),
  createRuleRegistry(TEST_RULES),
  'm.json',
);

const order = (status?: string, subtype = 'HD'): MatchSubject => ({ entityType: 'ORDER', subtype, status });
const fulfilment = (status: string, subtype?: string): MatchSubject => ({ entityType: 'FULFILMENT', subtype, status });

describe('matchRulesets (fluent-platform.md §5.3)', () => {
  it.each([
    ['name, type, trigger status match', 'CREATE', order('CREATED'), [0]],
    ['status outside the triggers', 'CREATE', order('BOOKED'), []],
    ['entity type differs', 'CREATE', fulfilment('CREATED', 'HD_PFS'), []],
    ['event name differs (case-sensitive)', 'create', order('CREATED'), []],
    ['subtype and status match, plus a ruleset without subtype', 'Pick', fulfilment('AWAITING_WAVE', 'HD_PFS'), [1, 2]],
    ['another subtype matches only the ruleset without subtype', 'Pick', fulfilment('AWAITING_WAVE', 'CC_PFS'), [2]],
    ['second trigger status', 'Pick', fulfilment('PARTIAL', 'HD_PFS'), [1]],
    ['entity without subtype against a ruleset with one', 'Pick', fulfilment('PARTIAL'), []],
    ['no triggers: any status', 'Anything', order('WHATEVER'), [3]],
    ['no triggers: even no status', 'Anything', order(undefined), [3]],
  ])('%s', (_case, eventName, subject, expected) => {
    expect(matchRulesets(workflow, eventName, subject).matched.map((ruleset) => ruleset.index)).toEqual(expected);
    // The quiet events' path (no checks recorded) runs the same rulesets.
    expect(matchingRulesets(workflow, eventName, subject).map((ruleset) => ruleset.index)).toEqual(expected);
  });

  it('reports each criterion with what was expected and what the entity had', () => {
    const pick = workflow.rulesets[1];
    if (!pick) throw new Error('fixture');
    expect(checkRuleset(pick, 'Pick', fulfilment('PICKED', 'HD_PFS'))).toEqual({
      ruleset: 'Pick',
      location: 'm.json#/rulesets/1',
      name: { expected: 'Pick', actual: 'Pick', ok: true },
      type: { expected: 'FULFILMENT', actual: 'FULFILMENT', ok: true },
      subtype: { expected: 'HD_PFS', actual: 'HD_PFS', ok: true },
      status: { expected: ['AWAITING_WAVE', 'PARTIAL'], actual: 'PICKED', ok: false },
      matched: false,
    });
  });

  it('explains a no-match in one sentence, with similar names for a typo', () => {
    const typo = matchRulesets(workflow, 'Pik', order('CREATED'));
    expect(typo.checks).toEqual([]);
    expect(explainNoMatch('Pik', typo, order('CREATED'))).toBe('the workflow has no ruleset named "Pik"; closest ruleset names: Pick');
    const subject = fulfilment('PICKED', 'CC_PFS');
    expect(explainNoMatch('Pick', matchRulesets(workflow, 'Pick', subject), subject)).toBe(
      'no ruleset "Pick" matches FULFILMENT (subtype CC_PFS, status PICKED): ' +
        'm.json#/rulesets/1: subtype HD_PFS ≠ CC_PFS, status PICKED not in triggers [AWAITING_WAVE, PARTIAL]; ' +
        'm.json#/rulesets/2: status PICKED not in triggers [AWAITING_WAVE]',
    );
  });
});

describe('closestRulesetNames', () => {
  const names = ['OrderCancel', 'CREATE', 'ConfirmPick', 'ConfirmShip', 'FulfilmentCancel', 'WaveCreate'];
  it.each([
    ['the same words in another order', 'CancelOrder', ['OrderCancel']],
    ['another case', 'Create', ['CREATE']],
    ['snake case', 'order_cancel', ['OrderCancel']],
    ['a typo', 'ConfirmPik', ['ConfirmPick', 'ConfirmShip']],
    ['nothing close', 'UPSERT_PRODUCT', []],
  ])('suggests for %s', (_case, eventName, expected) => {
    expect(closestRulesetNames(eventName, names)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { changeStateForUnfulfilableFulfilment as rule } from '../../../server/orchestration/rules/change-state-for-unfulfilable-fulfilment.js';
import { fulfilment, hdOrder, ruleInput } from './fake-reader.js';
import { REJECTED_LOCATION, STORE, world } from './sourcing-world.js';

describe('commongi.ChangeStateForUnfulfilableFulfilment', () => {
  it.each([
    {
      title: 'a fulfilment at the system-rejected location',
      from: REJECTED_LOCATION,
      effects: [{ type: 'setStatus', target: { entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-f1' }, status: 'ESCALATED' }],
    },
    { title: 'a fulfilment at a store', from: STORE, effects: [] },
    { title: 'a fulfilment without location', from: undefined, effects: [] },
  ])('$title', ({ from, effects }) => {
    const data = world({ fulfilments: [{ id: 'f1', status: 'PROCESSING', items: [['oi1', 2]], ...(from ? { from } : {}) }] });
    const props = rule.props.parse({ status: 'ESCALATED', systemRejectedLocationRef: 'SYSTEM_REJECTED' });
    expect(rule.run(ruleInput(fulfilment('f1', 'PROCESSING'), props, { data }))).toEqual(effects);
  });

  it('needs both props and a FULFILMENT', () => {
    expect(rule.props.safeParse({ status: 'ESCALATED' }).success).toBe(false);
    expect(rule.props.safeParse({ systemRejectedLocationRef: 'X' }).success).toBe(false);
    expect(() => rule.run(ruleInput(hdOrder(), { status: 'X', systemRejectedLocationRef: 'Y' }))).toThrow(/runs on FULFILMENT/);
  });
});

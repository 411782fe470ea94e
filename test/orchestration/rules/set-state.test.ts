import { describe, expect, it } from 'vitest';
import { setState } from '../../../server/orchestration/rules/set-state.js';
import { entity, ruleInput } from './fake-reader.js';

describe('core.SetState', () => {
  it.each([
    { target: entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1' }), status: 'BOOKED' },
    { target: entity({ entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-F1' }), status: 'AWAITING_WAVE' },
    { target: entity({ entityType: 'INVENTORY_POSITION', id: 'p1', ref: 'SKU1:LOC1' }), status: 'ACTIVE' },
  ])('sets $target.entityType $target.ref to $status', ({ target, status }) => {
    const props = setState.props.parse({ status });
    expect(setState.run(ruleInput(target, props))).toEqual([
      { type: 'setStatus', target: { entityType: target.entityType, id: target.id, ref: target.ref }, status },
    ]);
  });

  it.each([{ props: {} }, { props: { status: '' } }, { props: undefined }, { props: { status: 3 } }])('rejects props $props', ({ props }) => {
    expect(setState.props.safeParse(props).success).toBe(false);
  });

  it('serves the ChangeStateGQL names of the order, commonv2 and base libraries', () => {
    expect(setState.aliases).toEqual(expect.arrayContaining(['commonv2.ChangeStateGQL', 'base.ChangeStateGQL', 'order.ChangeStateGQL']));
  });
});

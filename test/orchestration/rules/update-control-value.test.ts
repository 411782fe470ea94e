import { describe, expect, it } from 'vitest';
import { updateControlValue as rule } from '../../../server/orchestration/rules/update-control-value.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const control = entity({
  entityType: 'CONTROL',
  id: 'c1',
  ref: 'BUFFER',
  subtype: 'QUANTITY_BUFFER',
  root: { entityType: 'CONTROL_GROUP', id: 'g1', ref: 'CG' },
});
const run = (attributes: Record<string, unknown>) =>
  rule.run(ruleInput(control, rule.props.parse(null), { event: eventOn(control, 'UpdateControl', attributes) }));

describe('commongi.UpdateControlValue', () => {
  it.each([
    { attributes: { controlValue: -555, executionOrder: 1 }, value: -555, order: 1 },
    { attributes: { controlValue: '10', executionOrder: '3' }, value: 10, order: 3 },
  ])('sets value $value and executionOrder $order', ({ attributes, value, order }) => {
    expect(run(attributes)).toEqual([
      { type: 'mutate', mutation: 'updateControl', input: { ref: 'BUFFER', executionOrder: order, values: [{ name: 'value', type: 'INTEGER', value }] } },
    ]);
  });

  it.each([
    { attributes: { executionOrder: 1 }, names: '"controlValue"' },
    { attributes: { controlValue: 1 }, names: '"executionOrder"' },
    { attributes: { controlValue: '1.5', executionOrder: 1 }, names: '"controlValue"' },
  ])('fails naming $names', ({ attributes, names }) => {
    expect(() => run(attributes)).toThrow(names);
  });

  it('runs on controls only', () => {
    const order = entity({ entityType: 'ORDER', id: 'o1' });
    expect(() => rule.run(ruleInput(order, null, { event: eventOn(order, 'X', { controlValue: 1, executionOrder: 1 }) }))).toThrow(/runs on CONTROL/);
  });
});

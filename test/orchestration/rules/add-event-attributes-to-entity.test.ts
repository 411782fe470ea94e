import { describe, expect, it } from 'vitest';
import { addEventAttributesToEntity as rule } from '../../../server/orchestration/rules/add-event-attributes-to-entity.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1' });
const target = { entityType: 'ORDER', id: 'o1', ref: 'HD-1' };
const run = (props: unknown, attributes: Record<string, unknown>) =>
  rule.run(ruleInput(order, rule.props.parse(props), { event: eventOn(order, 'X', attributes) }));

describe('commonv2.AddEventAttributesToEntity', () => {
  it.each([
    { props: null, attributes: {}, expected: [] },
    {
      props: null,
      attributes: { note: 'gift', count: 2, ratio: 0.5, paid: true, payload: { a: 1 } },
      expected: [
        { name: 'note', type: 'STRING', value: 'gift' },
        { name: 'count', type: 'INTEGER', value: 2 },
        { name: 'ratio', type: 'FLOAT', value: 0.5 },
        { name: 'paid', type: 'BOOLEAN', value: true },
        { name: 'payload', type: 'JSON', value: { a: 1 } },
      ],
    },
    { props: { attributeNames: ['note'] }, attributes: { note: 'gift', other: 'x' }, expected: [{ name: 'note', type: 'STRING', value: 'gift' }] },
    {
      props: { attributeNames: 'count, paid', attributeTypes: 'INTEGER, BOOLEAN' },
      attributes: { count: '7', paid: 'TRUE' },
      expected: [
        { name: 'count', type: 'INTEGER', value: 7 },
        { name: 'paid', type: 'BOOLEAN', value: true },
      ],
    },
    {
      props: { attributeNames: ['reason', 'note'], attributeTypes: ['STRING'], attributeDefaultValues: ['UNKNOWN'] },
      attributes: {},
      expected: [{ name: 'reason', type: 'STRING', value: 'UNKNOWN' }],
    },
    {
      props: { attributeNames: ['reason'], attributeDefaultValues: ['UNKNOWN'] },
      attributes: { reason: 'late' },
      expected: [{ name: 'reason', type: 'STRING', value: 'late' }],
    },
    { props: { attributeNames: ['gone'] }, attributes: { other: 1 }, expected: [] },
  ])('with props $props copies $attributes as $expected', ({ props, attributes, expected }) => {
    expect(run(props, attributes)).toEqual(expected.length === 0 ? [] : [{ type: 'setAttributes', target, attributes: expected }]);
  });

  it.each([
    { props: 'text' },
    { props: 5 },
    { props: { attributeNamez: ['a'] } },
    { props: { attributeTypes: ['STRING'] } },
    { props: { attributeNames: ['a'], attributeTypes: ['STRING', 'INTEGER'] } },
    { props: { attributeNames: ['a'], attributeDefaultValues: ['x', 'y'] } },
  ])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

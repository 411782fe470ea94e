import { describe, expect, it } from 'vitest';
import { addEventAttributesToEntity as rule } from '../../../server/orchestration/rules/add-event-attributes-to-entity.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1' });

describe('commonv2.AddEventAttributesToEntity', () => {
  it.each([
    { attributes: {}, expected: [] },
    {
      attributes: { note: 'gift', count: 2, ratio: 0.5, paid: true, payload: { a: 1 } },
      expected: [
        {
          type: 'setAttributes',
          target: { entityType: 'ORDER', id: 'o1', ref: 'HD-1' },
          attributes: [
            { name: 'note', type: 'STRING', value: 'gift' },
            { name: 'count', type: 'INTEGER', value: 2 },
            { name: 'ratio', type: 'FLOAT', value: 0.5 },
            { name: 'paid', type: 'BOOLEAN', value: true },
            { name: 'payload', type: 'JSON', value: { a: 1 } },
          ],
        },
      ],
    },
  ])('copies event attributes $attributes onto the entity', ({ attributes, expected }) => {
    const props = rule.props.parse(null);
    expect(rule.run(ruleInput(order, props, { event: eventOn(order, 'X', attributes) }))).toEqual(expected);
  });

  it.each([{ props: 'text' }, { props: 5 }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

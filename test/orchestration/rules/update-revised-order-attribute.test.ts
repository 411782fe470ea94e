import { describe, expect, it } from 'vitest';
import { updateRevisedOrderAttribute as rule } from '../../../server/orchestration/rules/update-revised-order-attribute.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { entity, ruleInput } from './fake-reader.js';

const order = pricedOrder('CANCELLED');
const revisions = (n: number) => Array.from({ length: n }, (_, i) => entity({ entityType: 'ORDER', id: `r${i + 1}`, ref: `HD-1-REV${i + 1}` }));

describe('order.UpdateRevisedOrderAttribute', () => {
  it.each([
    { count: 1, link: 'HD-1-REV1' },
    { count: 3, link: 'HD-1-REV3' },
  ])('links the order to its latest revision ($link)', ({ count, link }) => {
    expect(rule.run(ruleInput(order, rule.props.parse(null), { data: billingWorld({ order, entities: revisions(count) }) }))).toEqual([
      {
        type: 'setAttributes',
        target: { entityType: 'ORDER', id: 'o1', ref: 'HD-1' },
        attributes: [{ name: 'RevisedOrderLink', type: 'STRING', value: link }],
      },
    ]);
  });

  it('fails when the order has no revision', () => {
    expect(() => rule.run(ruleInput(order, rule.props.parse(null), { data: billingWorld({ order }) }))).toThrow('has no revised order');
  });
});

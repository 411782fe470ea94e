import { describe, expect, it } from 'vitest';
import { forwardIfProposedFulfilmentNotPresent as notPresent } from '../../../server/orchestration/rules/forward-if-proposed-fulfilment-not-present.js';
import { forwardIfProposedFulfilmentPresent as present } from '../../../server/orchestration/rules/forward-if-proposed-fulfilment-present.js';
import { eventOn, hdOrder, ruleInput } from './fake-reader.js';

const proposal = { locationRef: 'DC-1', items: [{ orderItemId: 'oi1', quantity: 2 }] };

describe('commonv2.ForwardIfProposedFulfilment…', () => {
  it.each([
    { title: 'a proposal', attributes: { proposedFulfilment: proposal }, present: 1 },
    { title: 'no proposal', attributes: {}, present: 0 },
    { title: 'a proposal without items', attributes: { proposedFulfilment: { locationRef: 'DC-1', items: [] } }, present: 0 },
    { title: 'a proposal without location', attributes: { proposedFulfilment: { items: proposal.items } }, present: 0 },
  ])('with $title', ({ attributes, present: count }) => {
    const order = hdOrder();
    const event = eventOn(order, 'CheckProposedFulfilmentExists', attributes);
    const yes = present.run(ruleInput(order, { eventName: 'CheckMaxSplitLimitReached' }, { event }));
    const no = notPresent.run(ruleInput(order, { eventName: 'CreateRejectedFulfilment' }, { event }));
    expect(yes).toHaveLength(count);
    expect(no).toHaveLength(1 - count);
    expect([...yes, ...no]).toMatchObject([{ event: { name: count ? 'CheckMaxSplitLimitReached' : 'CreateRejectedFulfilment', attributes } }]);
  });

  it.each([present, notPresent])('$name needs props.eventName', (rule) => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});

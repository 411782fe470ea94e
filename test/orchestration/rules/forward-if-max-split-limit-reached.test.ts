import { describe, expect, it } from 'vitest';
import { forwardIfMaxSplitLimitNotReached as notReached } from '../../../server/orchestration/rules/forward-if-max-split-limit-not-reached.js';
import { forwardIfMaxSplitLimitReached as reached } from '../../../server/orchestration/rules/forward-if-max-split-limit-reached.js';
import { entity, hdOrder, ruleInput } from './fake-reader.js';
import { DC, type FulfilmentSpec, STORE, world } from './sourcing-world.js';

const live: FulfilmentSpec = { id: 'f1', status: 'AWAITING_WAVE', from: STORE, items: [['oi1', 1]] };
const expired: FulfilmentSpec = { id: 'f2', status: 'EXPIRED', from: DC, items: [['oi1', 1]] };

describe('commonv2.ForwardIfMaxSplitLimit…', () => {
  it.each([
    { title: 'no fulfilment, limit 1', props: { maxSplitLimit: '1' }, fulfilments: [], reached: false },
    { title: 'one live fulfilment, limit 1', props: { maxSplitLimit: 1 }, fulfilments: [live], reached: true },
    { title: 'one live and one expired, limit 2', props: { maxSplitLimit: 2 }, fulfilments: [live, expired], reached: false },
    {
      title: 'expired counted when not excluded, limit 2',
      props: { maxSplitLimit: 2, excludedFulfilmentStatuses: 'CANCELLED' },
      fulfilments: [live, expired],
      reached: true,
    },
  ])('$title', ({ props, fulfilments, reached: isReached }) => {
    const order = hdOrder();
    const data = world({ fulfilments });
    const yes = reached.run(ruleInput(order, reached.props.parse({ eventName: 'Reject', ...props }), { data }));
    const no = notReached.run(ruleInput(order, notReached.props.parse({ eventName: 'Create', ...props }), { data }));
    expect([...yes, ...no]).toMatchObject([{ event: { name: isReached ? 'Reject' : 'Create', entityType: 'ORDER' } }]);
  });

  it.each([{}, { eventName: 'X' }, { eventName: 'X', maxSplitLimit: 0 }, { eventName: 'X', maxSplitLimit: 'two' }])('refuses props %j', (props) => {
    expect(reached.props.safeParse(props).success).toBe(false);
    expect(notReached.props.safeParse(props).success).toBe(false);
  });

  it('runs on an ORDER only', () => {
    const location = entity({ entityType: 'LOCATION', id: 'x' });
    expect(() => reached.run(ruleInput(location, reached.props.parse({ eventName: 'X', maxSplitLimit: 1 })))).toThrow(/runs on ORDER/);
  });
});

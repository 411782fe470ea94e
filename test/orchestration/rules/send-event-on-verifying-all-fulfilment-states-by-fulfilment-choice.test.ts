import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice as rule } from '../../../server/orchestration/rules/send-event-on-verifying-all-fulfilment-states-by-fulfilment-choice.js';
import { ruleInput } from './fake-reader.js';
import { choiceFulfilment, hdChoice, multiOrder, multiWorld } from './multi-fixtures.js';

const props = rule.props.parse({ eventName: 'CompleteFulfilmentChoice', status: ['SHIPPED', 'CANCELLED'] });
const run = (statuses: string[], target = hdChoice()) => {
  const fulfilments = statuses.map((s, i) => choiceFulfilment(`f${i}`, 'FC-HD', s));
  // A fulfilment of the other choice never counts.
  const other = choiceFulfilment('fx', 'FC-CC', 'AWAITING_WAVE');
  return rule.run(ruleInput(target, props, { data: multiWorld([...fulfilments, other]) }));
};

describe('order.SendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice', () => {
  it.each([
    { statuses: ['SHIPPED'], sent: true },
    { statuses: ['SHIPPED', 'CANCELLED'], sent: true },
    { statuses: ['SHIPPED', 'AWAITING_WAVE'], sent: false },
    { statuses: [], sent: false },
  ])('with fulfilments $statuses sends: $sent', ({ statuses, sent }) => {
    expect(run(statuses)).toEqual(
      sent ? [expect.objectContaining({ type: 'sendEvent', event: expect.objectContaining({ name: 'CompleteFulfilmentChoice', entityId: 'fc1' }) })] : [],
    );
  });

  it('works from a fulfilment of the choice', () => {
    expect(run(['SHIPPED'], choiceFulfilment('f0', 'FC-HD', 'SHIPPED'))).toMatchObject([{ event: { entityType: 'FULFILMENT_CHOICE', entityId: 'fc1' } }]);
  });

  it('fails for an order without fulfilmentChoiceRef', () => {
    expect(() => run(['SHIPPED'], multiOrder())).toThrow('names no fulfilment choice');
  });
});

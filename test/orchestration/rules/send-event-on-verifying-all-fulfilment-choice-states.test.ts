import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingAllFulfilmentChoiceStates as rule } from '../../../server/orchestration/rules/send-event-on-verifying-all-fulfilment-choice-states.js';
import { ruleInput } from './fake-reader.js';
import { ccChoice, hdChoice, multiOrder, multiWorld } from './multi-fixtures.js';

const props = rule.props.parse({ eventName: 'OrderComplete', status: 'COMPLETE, CANCELLED' });
const run = (hd: string | undefined, cc: string | undefined, target = multiOrder()) => {
  const choices = [...(hd ? [hdChoice(hd)] : []), ...(cc ? [ccChoice(cc)] : [])];
  return rule.run(ruleInput(target, props, { data: multiWorld([], choices) }));
};

describe('order.SendEventOnVerifyingAllFulfilmentChoiceStates', () => {
  it.each([
    { hd: 'COMPLETE', cc: 'COMPLETE', sent: true },
    { hd: 'COMPLETE', cc: 'CANCELLED', sent: true },
    { hd: 'COMPLETE', cc: 'PICK_PACK', sent: false },
    { hd: undefined, cc: undefined, sent: false },
  ])('HD $hd, CC $cc sends: $sent', ({ hd, cc, sent }) => {
    expect(run(hd, cc)).toEqual(
      sent ? [expect.objectContaining({ event: expect.objectContaining({ name: 'OrderComplete', entityType: 'ORDER', entityId: 'o1' }) })] : [],
    );
  });

  it('sends to the order from one of its choices', () => {
    expect(run('COMPLETE', 'COMPLETE', hdChoice('COMPLETE'))).toMatchObject([{ event: { entityType: 'ORDER', entityId: 'o1' } }]);
  });

  it('needs eventName and status', () => {
    expect(rule.props.safeParse({ eventName: 'X' }).success).toBe(false);
  });
});

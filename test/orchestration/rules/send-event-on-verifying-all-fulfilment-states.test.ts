import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingAllFulfilmentStates as rule } from '../../../server/orchestration/rules/send-event-on-verifying-all-fulfilment-states.js';
import { fulfilment, hdOrder, ruleInput } from './fake-reader.js';

describe('commonv2.SendEventOnVerifyingAllFulfilmentStates', () => {
  it.each([
    { status: ['SHIPPED'], states: ['SHIPPED'], sends: true },
    { status: ['SHIPPED', 'CANCELLED'], states: ['SHIPPED', 'CANCELLED'], sends: true },
    { status: 'SHIPPED, CANCELLED', states: ['CANCELLED', 'SHIPPED'], sends: true },
    { status: ['SHIPPED'], states: ['SHIPPED', 'ASSIGNED'], sends: false },
    { status: ['SHIPPED'], states: [], sends: false },
  ])('with status $status and fulfilments in $states sends: $sends', ({ status, states, sends }) => {
    const order = hdOrder('PICK_PACK');
    const fulfilments = states.map((s, i) => fulfilment(`f${i + 1}`, s));
    const props = rule.props.parse({ eventName: 'OrderComplete', status });
    const fromFulfilment = fulfilments[0] ?? order;
    const effects = rule.run(ruleInput(fromFulfilment, props, { data: { entities: [order, ...fulfilments] } }));
    expect(effects).toEqual(
      sends ? [{ type: 'sendEvent', event: expect.objectContaining({ name: 'OrderComplete', entityType: 'ORDER', entityId: 'o1' }) }] : [],
    );
  });

  it.each([
    { props: { eventName: 'E' } },
    { props: { status: ['A'] } },
    { props: { eventName: 'E', status: [] } },
    { props: { eventName: 'E', status: ' , ' } },
  ])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

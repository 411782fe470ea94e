import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingAttributeValue as rule } from '../../../server/orchestration/rules/send-event-on-verifying-attribute-value.js';
import { entity, ruleInput } from './fake-reader.js';

const withType = (value: unknown) =>
  entity({ entityType: 'FULFILMENT', id: 'f1', fields: { attributes: value === undefined ? [] : [{ name: 'FulfilmentType', type: 'STRING', value }] } });

describe('order.SendEventOnVerifyingAttributeValue', () => {
  it.each([
    { value: 'HD_PFS', noMatchEventName: 'OtherFulfilment', expected: ['StoreFulfilment'] },
    { value: 'HD_PFDC', noMatchEventName: 'OtherFulfilment', expected: ['OtherFulfilment'] },
    { value: undefined, noMatchEventName: 'OtherFulfilment', expected: ['OtherFulfilment'] },
    { value: 'HD_PFDC', noMatchEventName: undefined, expected: [] },
  ])('with attribute $value sends $expected', ({ value, noMatchEventName, expected }) => {
    const props = rule.props.parse({ eventName: 'StoreFulfilment', noMatchEventName, attributeName: 'FulfilmentType', attributeValue: 'HD_PFS' });
    const effects = rule.run(ruleInput(withType(value), props));
    expect(effects.map((e) => (e.type === 'sendEvent' ? e.event.name : e.type))).toEqual(expected);
  });

  it.each([
    { props: { attributeName: 'A', attributeValue: 'B' } },
    { props: { eventName: 'E', attributeValue: 'B' } },
    { props: { eventName: 'E', attributeName: 'A' } },
  ])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

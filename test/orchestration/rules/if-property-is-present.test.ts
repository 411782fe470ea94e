import { describe, expect, it } from 'vitest';
import { ifPropertyIsPresent } from '../../../server/orchestration/rules/if-property-is-present.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', fields: { fulfilmentChoice: { pickupLocationRef: 'STORE-1', deliveryInstruction: null } } });

describe('core.IfPropertyIsPresent', () => {
  it.each([
    { jsonpath: 'fulfilmentChoice.pickupLocationRef', attributes: {}, sends: true },
    { jsonpath: 'fulfilmentChoice.deliveryInstruction', attributes: {}, sends: false },
    { jsonpath: 'event.attributes.fraudCheckRequired', attributes: { fraudCheckRequired: false }, sends: true },
    { jsonpath: 'event.attributes.fraudCheckRequired', attributes: {}, sends: false },
  ])('for $jsonpath with attributes $attributes sends: $sends', ({ jsonpath, attributes, sends }) => {
    const props = ifPropertyIsPresent.props.parse({ jsonpath, eventName: 'CheckFraud' });
    const effects = ifPropertyIsPresent.run(ruleInput(order, props, { event: eventOn(order, 'CREATE', attributes) }));
    expect(effects.map((e) => (e.type === 'sendEvent' ? e.event.name : e.type))).toEqual(sends ? ['CheckFraud'] : []);
  });

  it.each([{ props: { jsonpath: 'a' } }, { props: { eventName: 'E' } }])('rejects props $props', ({ props }) => {
    expect(ifPropertyIsPresent.props.safeParse(props).success).toBe(false);
  });
});

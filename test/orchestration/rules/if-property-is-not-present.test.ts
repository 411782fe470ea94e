import { describe, expect, it } from 'vitest';
import { ifPropertyIsNotPresent } from '../../../server/orchestration/rules/if-property-is-not-present.js';
import { entity, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', fields: { fulfilmentChoice: { pickupLocationRef: 'STORE-1', deliveryInstruction: null } } });

describe('core.IfPropertyIsNotPresent', () => {
  it.each([
    { jsonpath: 'fulfilmentChoice.pickupLocationRef', sends: false },
    { jsonpath: 'fulfilmentChoice.deliveryInstruction', sends: true },
    { jsonpath: 'fulfilmentChoice.nothing.here', sends: true },
    { jsonpath: 'event.attributes.reason', sends: true },
  ])('for $jsonpath sends: $sends', ({ jsonpath, sends }) => {
    const props = ifPropertyIsNotPresent.props.parse({ jsonpath, eventName: 'ProcessError' });
    expect(ifPropertyIsNotPresent.run(ruleInput(order, props)).length).toBe(sends ? 1 : 0);
  });

  it.each([{ props: { jsonpath: 'a' } }, { props: { eventName: 'E' } }])('rejects props $props', ({ props }) => {
    expect(ifPropertyIsNotPresent.props.safeParse(props).success).toBe(false);
  });
});

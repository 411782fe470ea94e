import { describe, expect, it } from 'vitest';
import { ifPropertyNotEquals } from '../../../server/orchestration/rules/if-property-not-equals.js';
import { entity, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', fields: { fulfilmentChoice: { deliveryType: 'STANDARD', pickupLocationRef: null } } });

describe('core.IfPropertyNotEquals', () => {
  it.each([
    { jsonpath: 'fulfilmentChoice.deliveryType', value: 'EXPRESS', sends: true },
    { jsonpath: 'fulfilmentChoice.deliveryType', value: 'STANDARD', sends: false },
    { jsonpath: 'fulfilmentChoice.pickupLocationRef', value: 'LOC-1', sends: false },
    { jsonpath: 'fulfilmentChoice.unknownField', value: 'X', sends: false },
  ])('with $jsonpath != $value sends: $sends (a missing property is false)', ({ jsonpath, value, sends }) => {
    const props = ifPropertyNotEquals.props.parse({ jsonpath, value, eventName: 'DefaultSourcingStrategy' });
    expect(ifPropertyNotEquals.run(ruleInput(order, props)).length).toBe(sends ? 1 : 0);
  });

  it.each([{ props: { jsonpath: 'a', value: 'X' } }, { props: { jsonpath: '', value: 'X', eventName: 'E' } }])('rejects props $props', ({ props }) => {
    expect(ifPropertyNotEquals.props.safeParse(props).success).toBe(false);
  });
});

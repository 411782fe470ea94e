import { describe, expect, it } from 'vitest';
import { ifPropertyEquals } from '../../../server/orchestration/rules/if-property-equals.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({
  entityType: 'ORDER',
  id: 'o1',
  fields: { totalPrice: 100, fulfilmentChoice: { deliveryType: 'EXPRESS' } },
});

describe('core.IfPropertyEquals', () => {
  it.each([
    { jsonpath: 'fulfilmentChoice.deliveryType', value: 'EXPRESS', attributes: {}, sends: true },
    { jsonpath: 'fulfilmentChoice.deliveryType', value: 'STANDARD', attributes: {}, sends: false },
    { jsonpath: 'totalPrice', value: '100', attributes: {}, sends: true },
    { jsonpath: 'event.attributes.priority', value: 'HIGH', attributes: { priority: 'HIGH' }, sends: true },
    { jsonpath: 'event.attributes.priority', value: 'HIGH', attributes: {}, sends: false },
  ])('with $jsonpath = $value sends: $sends', ({ jsonpath, value, attributes, sends }) => {
    const props = ifPropertyEquals.props.parse({ jsonpath, value, eventName: 'Matched' });
    const effects = ifPropertyEquals.run(ruleInput(order, props, { event: eventOn(order, 'CREATE', attributes) }));
    expect(effects).toEqual(sends ? [{ type: 'sendEvent', event: expect.objectContaining({ name: 'Matched', entityId: 'o1', attributes }) }] : []);
  });

  it.each([{ props: { value: 'X', eventName: 'E' } }, { props: { jsonpath: 'a', eventName: 'E' } }, { props: { jsonpath: 'a', value: 'X' } }])(
    'rejects props $props',
    ({ props }) => {
      expect(ifPropertyEquals.props.safeParse(props).success).toBe(false);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { forwardIfDeliveryAddressNotPresent as notPresent } from '../../../server/orchestration/rules/forward-if-delivery-address-not-present.js';
import { forwardIfDeliveryAddressPresent as present } from '../../../server/orchestration/rules/forward-if-delivery-address-present.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';
import { choice, multiWorld } from './multi-fixtures.js';

const withAddress = (address: unknown) => ({
  entities: [hdOrder(), fulfilment('f1', 'CREATED')],
  related: { 'ORDER:o1:fulfilmentChoice': [{ id: 'fc1', deliveryAddress: address }] },
});

describe('order.ForwardIfDeliveryAddress… (commonv2)', () => {
  it.each([
    { address: { street: '1 Main St', city: 'Melbourne', postcode: '3000' }, present: 1 },
    { address: { latitude: -37.8, longitude: 144.9 }, present: 1 },
    { address: { street: '', city: null }, present: 0 },
    { address: {}, present: 0 },
    { address: null, present: 0 },
    { address: 'not an address', present: 0 },
  ])('with delivery address $address', ({ address, present: count }) => {
    const order = hdOrder();
    const event = eventOn(order, 'CheckAddress', { note: 'x' });
    const yes = present.run(ruleInput(order, { eventName: 'ValidateOrder' }, { event, data: withAddress(address) }));
    const no = notPresent.run(ruleInput(order, { eventName: 'ProcessError' }, { event, data: withAddress(address) }));
    expect(yes).toMatchObject(count ? [{ event: { name: 'ValidateOrder', entityType: 'ORDER', entityRef: 'HD-1', attributes: { note: 'x' } } }] : []);
    expect(no).toMatchObject(count ? [] : [{ event: { name: 'ProcessError', entityType: 'ORDER', attributes: { note: 'x' } } }]);
  });

  it('reads the order of a fulfilment and forwards on the fulfilment', () => {
    const f = fulfilment('f1', 'CREATED');
    expect(present.run(ruleInput(f, { eventName: 'Next' }, { data: withAddress({ street: 'x' }) }))).toMatchObject([{ event: { entityType: 'FULFILMENT' } }]);
  });

  it('fails on an entity without an order', () => {
    const location = entity({ entityType: 'LOCATION', id: 'l1' });
    expect(() => notPresent.run(ruleInput(location, { eventName: 'Next' }))).toThrow(/needs an ORDER/);
  });

  it.each([present, notPresent])('$name needs props.eventName', (rule) => {
    expect(rule.props.safeParse({}).success).toBe(false);
    expect(rule.props.safeParse({ eventName: ' ' }).success).toBe(false);
  });
});

describe('order.ForwardIfDeliveryAddress… on a FULFILMENT_CHOICE (mixed basket)', () => {
  const addressed = choice('fc1', 'FC-A', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca1', city: 'Perth' } });
  const bare = choice('fc3', 'FC-B', 'HD', 'RECEIVED', {});
  const data = multiWorld([], [addressed, bare]);

  it.each([
    { target: addressed, present: 1 },
    { target: bare, present: 0 },
  ])("reads the choice's own delivery address ($target.ref) and forwards on the choice", ({ target, present: count }) => {
    const yes = present.run(ruleInput(target, { eventName: 'ResolveOrderCoordinates' }, { data }));
    const no = notPresent.run(ruleInput(target, { eventName: 'EscalateFulfilmentChoice' }, { data }));
    const forwarded = { event: { entityType: 'FULFILMENT_CHOICE', entityRef: target.ref } };
    expect(yes).toMatchObject(count ? [forwarded] : []);
    expect(no).toMatchObject(count ? [] : [forwarded]);
  });
});

import { describe, expect, it } from 'vitest';
import { forwardIfOrderCoordinatesNotPresent as notPresent } from '../../../server/orchestration/rules/forward-if-order-coordinates-not-present.js';
import { forwardIfOrderCoordinatesPresent as present } from '../../../server/orchestration/rules/forward-if-order-coordinates-present.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';
import { choice, multiWorld } from './multi-fixtures.js';

const withAddress = (address: Record<string, unknown> | null) => ({
  entities: [hdOrder()],
  related: { 'ORDER:o1:fulfilmentChoice': [{ id: 'fc1', deliveryAddress: address }] },
});

describe('commonv2.ForwardIfOrderCoordinates…', () => {
  it.each([
    { address: { latitude: -37.8, longitude: 144.9 }, present: [{ latitude: -37.8, longitude: 144.9 }], notPresent: 0 },
    { address: { latitude: -37.8, longitude: null }, present: [], notPresent: 1 },
    { address: { street: '1 Main St' }, present: [], notPresent: 1 },
    { address: null, present: [], notPresent: 1 },
  ])('with delivery address $address', ({ address, present: added, notPresent: count }) => {
    const order = hdOrder();
    const event = eventOn(order, 'CheckOrderCoordinates', { note: 'x' });
    const yes = present.run(ruleInput(order, { eventName: 'ProcessOrder' }, { event, data: withAddress(address) }));
    expect(yes.map((e) => (e as { event: { attributes: unknown } }).event.attributes)).toEqual(added.map((c) => ({ note: 'x', ...c })));
    const no = notPresent.run(ruleInput(order, { eventName: 'CheckOrderDeliveryAddress' }, { event, data: withAddress(address) }));
    expect(no).toHaveLength(count);
    expect(no).toMatchObject(count ? [{ event: { name: 'CheckOrderDeliveryAddress', entityType: 'ORDER', attributes: { note: 'x' } } }] : []);
  });

  it('reads the order of a fulfilment', () => {
    const f = fulfilment('f1', 'CREATED');
    const data = { ...withAddress({ latitude: 1, longitude: 2 }), entities: [hdOrder(), f] };
    expect(present.run(ruleInput(f, { eventName: 'Next' }, { data }))).toHaveLength(1);
  });

  it('fails on an entity without an order', () => {
    const location = entity({ entityType: 'LOCATION', id: 'l1' });
    expect(() => present.run(ruleInput(location, { eventName: 'Next' }))).toThrow(/needs an ORDER/);
  });

  it.each([present, notPresent])('$name needs props.eventName', (rule) => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});

describe('commonv2.ForwardIfOrderCoordinates… on a FULFILMENT_CHOICE (mixed basket)', () => {
  const placed = choice('fc1', 'FC-A', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca1', latitude: -31.95, longitude: 115.86 } });
  const unplaced = choice('fc3', 'FC-B', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca2', city: 'Perth' } });
  const data = multiWorld([], [placed, unplaced]);

  it("reads the choice's own delivery address", () => {
    expect(present.run(ruleInput(placed, { eventName: 'Next' }, { data }))).toMatchObject([
      { event: { entityType: 'FULFILMENT_CHOICE', entityRef: 'FC-A', attributes: { latitude: -31.95, longitude: 115.86 } } },
    ]);
    expect(notPresent.run(ruleInput(placed, { eventName: 'Next' }, { data }))).toEqual([]);
    expect(present.run(ruleInput(unplaced, { eventName: 'Next' }, { data }))).toEqual([]);
    expect(notPresent.run(ruleInput(unplaced, { eventName: 'Next' }, { data }))).toMatchObject([{ event: { entityRef: 'FC-B' } }]);
  });
});

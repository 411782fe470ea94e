import { describe, expect, it } from 'vitest';
import { updateOrderCoordinates as rule } from '../../../server/orchestration/rules/update-order-coordinates.js';
import { eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { choice, multiWorld } from './multi-fixtures.js';

const data = (deliveryAddress: Record<string, unknown> | null) => ({
  entities: [hdOrder('RECEIVED')],
  related: { 'ORDER:o1:fulfilmentChoice': [deliveryAddress === null ? {} : { deliveryAddress }] },
});
const run = (attributes: Record<string, unknown>, address: Record<string, unknown> | null = { id: 'ca1' }) => {
  const order = hdOrder('RECEIVED');
  return rule.run(ruleInput(order, rule.props.parse({}), { event: eventOn(order, 'UpdateOrderCoordinates', attributes), data: data(address) }));
};

describe('order.UpdateOrderCoordinates', () => {
  it.each([
    { title: 'numbers', attributes: { latitude: -33.87, longitude: 151.21 }, latitude: -33.87, longitude: 151.21 },
    { title: 'numeric strings', attributes: { latitude: '-37.81', longitude: '144.96' }, latitude: -37.81, longitude: 144.96 },
    { title: 'the limits', attributes: { latitude: 90, longitude: -180 }, latitude: 90, longitude: -180 },
  ])('writes $title onto the delivery address', ({ attributes, latitude, longitude }) => {
    expect(run(attributes)).toEqual([{ type: 'mutate', mutation: 'updateCustomerAddress', input: { id: 'ca1', latitude, longitude } }]);
  });

  it.each([
    { title: 'latitude missing', attributes: { longitude: 1 }, error: /needs the attribute "latitude"/ },
    { title: 'both missing', attributes: {}, error: /needs the attribute "latitude", "longitude"/ },
    { title: 'latitude out of range', attributes: { latitude: 91, longitude: 1 }, error: /invalid attributes: "latitude"/ },
    { title: 'longitude not a number', attributes: { latitude: 1, longitude: 'east' }, error: /invalid attributes: "longitude"/ },
  ])('fails the event with $title', ({ attributes, error }) => {
    expect(() => run(attributes)).toThrow(error);
  });

  it('fails for an order without a delivery address', () => {
    expect(() => run({ latitude: 1, longitude: 2 }, null)).toThrow(/has no delivery address/);
  });
});

describe('order.UpdateOrderCoordinates on a FULFILMENT_CHOICE (mixed basket)', () => {
  it("writes onto the choice's own delivery address", () => {
    const first = choice('fc1', 'FC-A', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca1' } });
    const second = choice('fc3', 'FC-B', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca2' } });
    const event = eventOn(second, 'UpdateOrderCoordinates', { latitude: 1, longitude: 2 });
    expect(rule.run(ruleInput(second, rule.props.parse({}), { event, data: multiWorld([], [first, second]) }))).toEqual([
      { type: 'mutate', mutation: 'updateCustomerAddress', input: { id: 'ca2', latitude: 1, longitude: 2 } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveOrderCoordinates as rule } from '../../../server/orchestration/rules/resolve-order-coordinates.js';
import { CITY_CENTRES } from '../../../server/orchestration/rules/support/offline-geocoder.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';
import { choice, multiWorld } from './multi-fixtures.js';

const props = { validAddress: 'UpdateOrderCoordinates', invalidAddress: 'ProcessError' };
const location = (id: string, address: Record<string, unknown>) =>
  entity({ entityType: 'LOCATION', id, ref: `LOC-${id}`, subtype: 'STORE', fields: { primaryAddress: address } });
// Two stores in one postcode, one elsewhere in the city, one with no coordinates.
const LOCATIONS = [
  location('l1', { postcode: '3175', city: 'Dandenong', country: 'Australia', latitude: -37.98, longitude: 145.2 }),
  location('l2', { postcode: '3175', city: 'Dandenong', country: 'Australia', latitude: -37.99, longitude: 145.22 }),
  location('l3', { postcode: '3177', city: 'Dandenong', country: 'Australia', latitude: -38.01, longitude: 145.24 }),
  location('l4', { postcode: '9999', city: 'Nowhere' }),
  location('l5', { postcode: '1010', city: 'Auckland', country: 'New Zealand', latitude: -36.85, longitude: 174.76 }),
];
const withAddress = (address: Record<string, unknown> | undefined) => ({
  entities: [hdOrder('RECEIVED'), ...LOCATIONS],
  related: { 'ORDER:o1:fulfilmentChoice': [address === undefined ? {} : { deliveryAddress: { id: 'ca1', ...address } }] },
});

describe('order.ResolveOrderCoordinates', () => {
  it.each([
    { title: 'the centre of the locations with the same postcode', address: { postcode: ' 3175 ', city: 'x' }, at: { latitude: -37.985, longitude: 145.21 } },
    {
      title: 'the centre of those in the same city, case and spaces ignored',
      address: { city: '  dandenong ' },
      at: { latitude: -37.993333, longitude: 145.22 },
    },
    { title: 'the postcode before the city', address: { postcode: '3177', city: 'Dandenong' }, at: { latitude: -38.01, longitude: 145.24 } },
    { title: 'a table city centre by postcode when no location matches', address: { postcode: '6000' }, at: { latitude: -31.9523, longitude: 115.8613 } },
    { title: 'a table city centre by city', address: { city: 'Hobart', country: 'Australia' }, at: { latitude: -42.8821, longitude: 147.3272 } },
    {
      title: 'only locations of the same country',
      address: { postcode: '1010', country: 'Australia', city: 'Adelaide' },
      at: { latitude: -34.9285, longitude: 138.6007 },
    },
    { title: 'another country from its locations', address: { postcode: '1010', country: 'new zealand' }, at: { latitude: -36.85, longitude: 174.76 } },
    { title: 'a country given as its ISO code', address: { postcode: '1010', country: 'NZ' }, at: { latitude: -36.85, longitude: 174.76 } },
    { title: 'an ISO code matching the table', address: { city: 'Hobart', country: 'au' }, at: { latitude: -42.8821, longitude: 147.3272 } },
  ])('sends validAddress with $title', ({ address, at }) => {
    const order = hdOrder('RECEIVED');
    const effects = rule.run(
      ruleInput(order, rule.props.parse(props), { event: eventOn(order, 'ResolveOrderCoordinates', { keep: 1 }), data: withAddress(address) }),
    );
    expect(effects).toEqual([
      {
        type: 'sendEvent',
        event: expect.objectContaining({ name: 'UpdateOrderCoordinates', entityType: 'ORDER', entityId: 'o1', attributes: { keep: 1, ...at } }),
      },
    ]);
  });

  it.each([
    { title: 'an address nothing matches', address: { postcode: '0000', city: 'Atlantis' } },
    { title: 'a location match without coordinates only', address: { postcode: '9999', city: 'Nowhere' } },
    { title: 'no delivery address', address: undefined },
    { title: 'an empty address', address: { postcode: '', city: '' } },
  ])('sends invalidAddress for $title', ({ address }) => {
    const order = hdOrder('RECEIVED');
    const effects = rule.run(ruleInput(order, rule.props.parse(props), { data: withAddress(address) }));
    expect(effects).toEqual([{ type: 'sendEvent', event: expect.objectContaining({ name: 'ProcessError', attributes: {} }) }]);
  });

  it('runs on an entity of an order, and needs both props', () => {
    expect(() => rule.run(ruleInput(entity({ entityType: 'LOCATION', id: 'x' }), rule.props.parse(props)))).toThrow(/needs an ORDER/);
    expect(rule.run(ruleInput(fulfilment('f1', 'CREATED'), rule.props.parse(props), { data: withAddress({ city: 'Perth' }) }))).toMatchObject([
      { event: { name: 'UpdateOrderCoordinates', entityType: 'FULFILMENT' } },
    ]);
    expect(rule.props.safeParse({ validAddress: 'X' }).success).toBe(false);
    expect(rule.props.safeParse({ invalidAddress: 'X' }).success).toBe(false);
  });

  it('keeps its city table to places with both coordinates', () => {
    for (const c of CITY_CENTRES) expect(Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180, c.city).toBe(true);
  });
});

describe('order.ResolveOrderCoordinates on a FULFILMENT_CHOICE (mixed basket)', () => {
  it("places the choice's own delivery address and forwards on the choice", () => {
    const perth = choice('fc1', 'FC-A', 'HD', 'RECEIVED', { deliveryAddress: { id: 'ca1', city: 'Perth', country: 'Australia' } });
    const bare = choice('fc3', 'FC-B', 'HD', 'RECEIVED', {});
    const data = multiWorld([], [perth, bare]);
    expect(rule.run(ruleInput(perth, rule.props.parse(props), { data }))).toEqual([
      {
        type: 'sendEvent',
        event: expect.objectContaining({
          name: 'UpdateOrderCoordinates',
          entityType: 'FULFILMENT_CHOICE',
          entityRef: 'FC-A',
          attributes: { latitude: -31.9523, longitude: 115.8613 },
        }),
      },
    ]);
    expect(rule.run(ruleInput(bare, rule.props.parse(props), { data }))).toMatchObject([{ event: { name: 'ProcessError', entityRef: 'FC-B' } }]);
  });
});

import { describe, expect, it } from 'vitest';
import { calculateLocationsDistances as rule } from '../../../server/orchestration/rules/calculate-locations-distances.js';
import { entity, eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { sent, world } from './sourcing-world.js';

const LOCATIONS = [
  { ref: 'FAR-1', type: 'STORE', latitude: -33.87, longitude: 151.21 },
  { ref: 'STORE-1', type: 'STORE', latitude: -37.81, longitude: 144.96 },
  { ref: 'NOWHERE', type: 'STORE' },
  { ref: 'DC-1', type: 'WAREHOUSE', latitude: -37.99, longitude: 145.21 },
];

type Located = { ref: string; distance?: number };
const run = (fields: Record<string, unknown>, related: Record<string, Record<string, unknown>[] | undefined> = {}) => {
  const order = hdOrder('BOOKED', fields);
  const data = world({ order });
  for (const [key, value] of Object.entries(related)) if (value) data.related = { ...data.related, [key]: value };
  const effects = rule.run(ruleInput(order, { eventName: 'Search' }, { event: eventOn(order, 'Calc', { locations: LOCATIONS }), data }));
  const event = sent(effects);
  return { name: event.name, locations: event.attributes['locations'] as Located[] };
};

describe('commonv2.CalculateLocationsDistances', () => {
  it.each([
    {
      title: 'the delivery coordinates: nearest first, no coordinates last',
      fields: {},
      related: { 'ORDER:o1:fulfilmentChoice': [{ deliveryAddress: { latitude: -33.9, longitude: 151.2 } }] },
      order: ['FAR-1', 'DC-1', 'STORE-1', 'NOWHERE'],
    },
    {
      title: 'the pickup location (click & collect)',
      fields: { fulfilmentChoice: { pickupLocationRef: 'STORE-1' } },
      related: {},
      order: ['STORE-1', 'DC-1', 'FAR-1', 'NOWHERE'],
    },
    { title: 'no coordinates: warehouses first, then by ref', fields: {}, related: {}, order: ['DC-1', 'FAR-1', 'NOWHERE', 'STORE-1'] },
  ])('orders the locations from $title', ({ fields, related, order }) => {
    const event = run(fields, related);
    expect(event.name).toBe('Search');
    expect(event.locations.map((l) => l.ref)).toEqual(order);
  });

  it('measures great-circle distance in km', () => {
    const event = run({ fulfilmentChoice: { pickupLocationRef: 'STORE-1' } });
    const byRef = Object.fromEntries(event.locations.map((l) => [l.ref, l.distance]));
    expect(byRef['STORE-1']).toBe(0);
    expect(byRef['FAR-1']).toBeGreaterThan(700);
    expect(byRef['FAR-1']).toBeLessThan(720); // Melbourne–Sydney ≈ 714 km
    expect(byRef['NOWHERE']).toBeUndefined();
  });

  it.each([
    { title: 'without the locations attribute', target: hdOrder(), attributes: {}, error: /needs the attribute "locations"|locations/ },
    { title: 'on a location', target: entity({ entityType: 'LOCATION', id: 'x' }), attributes: { locations: [] }, error: /runs on ORDER/ },
  ])('fails $title', ({ target, attributes, error }) => {
    expect(() => rule.run(ruleInput(target, { eventName: 'Search' }, { event: eventOn(target, 'Calc', attributes), data: world() }))).toThrow(error);
  });
});

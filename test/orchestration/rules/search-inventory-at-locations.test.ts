import { describe, expect, it } from 'vitest';
import { searchInventoryAtLocations as rule } from '../../../server/orchestration/rules/search-inventory-at-locations.js';
import { entity, eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { position, sent, STORE, world } from './sourcing-world.js';

const LOCATIONS = [{ ref: 'STORE-1' }, { ref: 'DC-1' }];
const STOCK = [
  position('SKU-1', 'STORE-1', 5),
  position('SKU-1', 'DC-1', 0),
  position('SKU-1', 'FAR-1', 9), // not a candidate
  position('SKU-2', 'DC-1', 3),
  { ...position('SKU-2', 'STORE-1', 7), catalogueRef: 'OTHER:1' },
];
const virtualCatalogue = entity({ entityType: 'VIRTUAL_CATALOGUE', id: 'v1', ref: 'BASE:1', fields: { inventoryCatalogueRef: 'OTHER:1' } });

const run = (props: Record<string, unknown>) => {
  const order = hdOrder();
  const data = world({ positions: STOCK, extra: [virtualCatalogue] });
  const effects = rule.run(
    ruleInput(order, rule.props.parse({ eventName: 'Select', ...props }), { event: eventOn(order, 'Search', { locations: LOCATIONS }), data }),
  );
  return sent(effects);
};

describe('commonv2.SearchInventoryAtLocations', () => {
  it.each([
    {
      title: 'the default catalogue DEFAULT:<retailer>',
      props: {},
      found: [
        { productRef: 'SKU-1', locationRef: 'STORE-1', quantity: 5 },
        { productRef: 'SKU-2', locationRef: 'DC-1', quantity: 3 },
      ],
    },
    {
      title: 'props.inventoryCatalogueRef',
      props: { inventoryCatalogueRef: 'OTHER:1' },
      found: [{ productRef: 'SKU-2', locationRef: 'STORE-1', quantity: 7 }],
    },
    {
      title: "props.virtualCatalogueRef's inventory catalogue",
      props: { virtualCatalogueRef: 'BASE:1' },
      found: [{ productRef: 'SKU-2', locationRef: 'STORE-1', quantity: 7 }],
    },
  ])('reads stock > 0 at the candidate locations from $title', ({ props, found }) => {
    const event = run(props);
    expect(event.name).toBe('Select');
    expect(event.attributes['virtualPositions']).toEqual(found);
    expect(event.attributes['locations']).toEqual(LOCATIONS);
  });

  it('looks only for the items live fulfilments do not cover', () => {
    const covered = world({ fulfilments: [{ id: 'f1', status: 'AWAITING_WAVE', from: STORE, items: [['oi1', 2]] }] });
    const order = hdOrder();
    const data = { ...covered, positions: STOCK };
    const effects = rule.run(ruleInput(order, rule.props.parse({ eventName: 'Select' }), { event: eventOn(order, 'Search', { locations: LOCATIONS }), data }));
    expect(sent(effects).attributes['virtualPositions']).toEqual([{ productRef: 'SKU-2', locationRef: 'DC-1', quantity: 3 }]);
  });

  it.each([
    { title: 'an unknown virtual catalogue', props: { virtualCatalogueRef: 'NOPE' }, error: /virtual catalogue "NOPE"/ },
    { title: 'props without eventName', props: { eventName: '' }, error: /eventName|too_small|>=1/ },
  ])('fails on $title', ({ props, error }) => {
    expect(() => run(props)).toThrow(error);
  });
});

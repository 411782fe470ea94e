import { describe, expect, it } from 'vitest';
import { selectProposedFulfilment as rule } from '../../../server/orchestration/rules/select-proposed-fulfilment.js';
import { eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { choiceFulfilment, hdChoice, multiWorld } from './multi-fixtures.js';
import { DC, type FulfilmentSpec, STORE, world } from './sourcing-world.js';

const LOCATIONS = [{ ref: 'STORE-1' }, { ref: 'DC-1' }, { ref: 'FAR-1' }]; // nearest first
const stock = (entries: [string, string, number][]) => entries.map(([productRef, locationRef, quantity]) => ({ productRef, locationRef, quantity }));

describe('commonv2.SelectProposedFulfilment', () => {
  it.each([
    {
      title: 'the nearest location with every item',
      stock: stock([
        ['SKU-1', 'STORE-1', 1],
        ['SKU-1', 'DC-1', 2],
        ['SKU-2', 'DC-1', 1],
        ['SKU-1', 'FAR-1', 5],
        ['SKU-2', 'FAR-1', 5],
      ]),
      fulfilments: [],
      proposal: {
        locationRef: 'DC-1',
        items: [
          { orderItemId: 'oi1', productRef: 'SKU-1', quantity: 2 },
          { orderItemId: 'oi2', productRef: 'SKU-2', quantity: 1 },
        ],
      },
    },
    {
      title: 'when none has all, the one giving the most units (the order splits)',
      stock: stock([
        ['SKU-1', 'STORE-1', 1],
        ['SKU-1', 'DC-1', 2],
        ['SKU-2', 'FAR-1', 1],
      ]),
      fulfilments: [],
      proposal: { locationRef: 'DC-1', items: [{ orderItemId: 'oi1', productRef: 'SKU-1', quantity: 2 }] },
    },
    {
      title: 'only the remaining quantity, skipping locations the order already has a fulfilment at',
      stock: stock([
        ['SKU-1', 'STORE-1', 9],
        ['SKU-2', 'STORE-1', 9],
        ['SKU-1', 'DC-1', 9],
        ['SKU-2', 'FAR-1', 9],
      ]),
      fulfilments: [
        { id: 'f1', status: 'EXPIRED', from: STORE, items: [['oi1', 2]] },
        { id: 'f2', status: 'AWAITING_WAVE', from: DC, items: [['oi1', 2]] },
      ] as FulfilmentSpec[],
      proposal: { locationRef: 'FAR-1', items: [{ orderItemId: 'oi2', productRef: 'SKU-2', quantity: 1 }] },
    },
    {
      title: 'a PARTIALLY_FULFILLED fulfilment covering its filled quantity only',
      stock: stock([
        ['SKU-1', 'FAR-1', 9],
        ['SKU-2', 'FAR-1', 9],
      ]),
      fulfilments: [
        {
          id: 'f1',
          status: 'PARTIALLY_FULFILLED',
          from: STORE,
          items: [
            ['oi1', 2, 1],
            ['oi2', 1, 1],
          ],
        },
      ] as FulfilmentSpec[],
      proposal: { locationRef: 'FAR-1', items: [{ orderItemId: 'oi1', productRef: 'SKU-1', quantity: 1 }] },
    },
    {
      title: 'nothing, when no location has any remaining item',
      stock: stock([['SKU-1', 'STORE-1', 9]]),
      fulfilments: [{ id: 'f1', status: 'REJECTED', from: STORE, items: [['oi1', 2]] }] as FulfilmentSpec[],
      proposal: undefined,
    },
  ])('proposes $title', ({ stock: virtualPositions, fulfilments, proposal }) => {
    const order = hdOrder();
    const event = eventOn(order, 'SelectProposedFulfilment', {
      locations: LOCATIONS,
      virtualPositions,
      proposedFulfilment: { locationRef: 'STALE', items: [] },
    });
    const effects = rule.run(ruleInput(order, rule.props.parse({ eventName: 'Check' }), { event, data: world({ fulfilments }) }));
    expect(effects).toMatchObject([{ type: 'sendEvent', event: { name: 'Check', entityType: 'ORDER' } }]);
    const attributes = (effects[0] as { event: { attributes: Record<string, unknown> } }).event.attributes;
    expect(attributes['proposedFulfilment']).toEqual(proposal);
  });

  it.each([{ locations: [] }, { virtualPositions: [] }])('fails without an attribute: %j', (attributes) => {
    const order = hdOrder();
    expect(() => rule.run(ruleInput(order, { eventName: 'Check' }, { event: eventOn(order, 'S', attributes), data: world() }))).toThrow(
      /locations|virtualPositions/,
    );
  });
});

describe('commonv2.SelectProposedFulfilment on a FULFILMENT_CHOICE (mixed basket)', () => {
  it("proposes for the choice's own items, skipping only the locations its own fulfilments use", () => {
    // FC-HD has oi1 (SKU-1 × 2); FC-CC's fulfilment at STORE-1 does not use STORE-1 up for FC-HD.
    const data = multiWorld([choiceFulfilment('f1', 'FC-CC', 'AWAITING_WAVE')]);
    data.related = { ...data.related, 'FULFILMENT:f1:fromLocation': [{ ref: 'STORE-1' }] };
    const event = eventOn(hdChoice(), 'SelectProposedFulfilment', {
      locations: [{ ref: 'STORE-1' }, { ref: 'DC-1' }],
      virtualPositions: stock([
        ['SKU-1', 'STORE-1', 5],
        ['SKU-2', 'STORE-1', 5],
      ]),
    });
    const effects = rule.run(ruleInput(hdChoice(), rule.props.parse({ eventName: 'Next' }), { event, data }));
    expect(effects).toMatchObject([
      {
        event: {
          name: 'Next',
          entityType: 'FULFILMENT_CHOICE',
          entityRef: 'FC-HD',
          attributes: { proposedFulfilment: { locationRef: 'STORE-1', items: [{ orderItemId: 'oi1', quantity: 2 }] } },
        },
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { eventOn, fulfilment, hdOrder } from '../rules/fake-reader.js';
import { runStub } from './stub-helpers.js';

const order = hdOrder('BOOKED', {
  totalPrice: 120,
  fulfilmentChoice: { deliveryType: 'EXPRESS' },
  attributes: [
    { name: 'channel', type: 'STRING', value: 'web' },
    { name: 'score', type: 'INTEGER', value: 7 },
  ],
});
const f1 = fulfilment('f1', 'SHIPPED');
const f2 = fulfilment('f2', 'PICKED');
const items = [
  { id: 'i1', ref: 'HD-1-1', status: 'CREATED', quantity: 2, productRef: 'SKU-1' },
  { id: 'i2', ref: 'HD-1-2', status: 'CREATED', quantity: 1, productRef: null },
];
const data = { entities: [order, f1, f2], related: { 'ORDER:o1:items': items } };
const event = eventOn(f1, 'ConfirmShip', { reason: 'damaged', qty: '3', code: '' });

/** Which way a one-branch stub goes for `condition`, run on fulfilment f1 (order o1 is BOOKED). */
function taken(condition: unknown, props: Record<string, unknown> = {}): unknown {
  const declared = Object.keys(props);
  const { branches } = runStub({ props: declared, do: [{ branch: { if: condition } }] }, f1, props, { event, data });
  return (branches as { taken: string }[])[0]?.taken;
}

describe('stub condition language', () => {
  it.each([
    ['always true', { always: true }, 'then'],
    ['always false', { always: false }, 'else'],
    ['own status in a list', { statusIn: ['SHIPPED', 'X'] }, 'then'],
    ['own status not in a list', { statusIn: 'PICKED' }, 'else'],
    ['order status', { statusIn: 'BOOKED', of: 'order' }, 'then'],
    ['root status', { statusIn: ['COMPLETE'], of: 'root' }, 'else'],
    ['order attribute equals', { attribute: 'channel', of: 'order', equals: 'web' }, 'then'],
    ['order attribute equals, number as text', { attribute: 'score', of: 'order', equals: '7' }, 'then'],
    ['order attribute in', { attribute: 'channel', of: 'order', in: 'store, app' }, 'else'],
    ['entity attribute missing', { attribute: 'channel', exists: true }, 'else'],
    ['event attribute equals', { attribute: 'reason', of: 'event', equals: 'damaged' }, 'then'],
    ['event attribute "" does not exist', { attribute: 'code', of: 'event', exists: false }, 'then'],
    ['path into the event', { path: 'event.attributes.qty', equals: 3 }, 'then'],
    ['path into the entity', { path: 'status', equals: 'SHIPPED' }, 'then'],
    ['path exists', { path: 'fulfilmentChoice.deliveryType', exists: true }, 'else'],
    ['all fulfilments', { allFulfilments: { statusIn: ['SHIPPED', 'PICKED'] } }, 'then'],
    ['all fulfilments, one behind', { allFulfilments: { statusIn: 'SHIPPED' } }, 'else'],
    ['any fulfilment', { anyFulfilment: { statusIn: 'PICKED' } }, 'then'],
    ['all items', { allItems: { path: 'quantity', exists: true } }, 'then'],
    ['all items with a product', { allItems: { path: 'productRef', exists: true } }, 'else'],
    ['any item', { anyItem: { path: 'ref', equals: 'HD-1-2' } }, 'then'],
    ['all', { all: [{ always: true }, { statusIn: 'SHIPPED' }] }, 'then'],
    ['any', { any: [{ always: false }, { statusIn: 'X' }] }, 'else'],
    ['not', { not: { statusIn: 'SHIPPED' } }, 'else'],
  ])('%s', (_title, condition, expected) => {
    expect(taken(condition)).toBe(expected);
  });

  it('reads its values from props and event attributes', () => {
    expect(taken({ statusIn: '{{props.statusList}}', of: 'order' }, { statusList: ['BOOKED'] })).toBe('then');
    expect(taken({ attribute: 'channel', of: 'order', equals: '{{props.channel}}' }, { channel: 'store' })).toBe('else');
    expect(taken({ path: 'event.attributes.reason', in: '{{props.reasons}}' }, { reasons: 'lost, damaged' })).toBe('then');
  });

  it('is false for all fulfilments of an order with none', () => {
    const { branches } = runStub({ do: [{ branch: { if: { allFulfilments: { always: true } } } }] }, order, {}, { data: { entities: [order] } });
    expect(branches).toEqual([{ branch: '#/rules/0/do/0/branch', taken: 'else' }]);
  });
});

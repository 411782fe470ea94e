import { describe, expect, it } from 'vitest';
import { Store, type EntityRecord, type LinkRef } from '../../server/domain/store/store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('the in-memory store', () => new Store());

describe('index entries that name one record, then several (a bare id, then a list)', () => {
  const order = (id: string, ref: string, customer = '1'): EntityRecord => ({
    __typename: 'Order',
    id,
    ref,
    status: 'CREATED',
    customer: { __link: 'Customer', id: customer },
  });

  it('finds every record sharing a value, in id order, as records come and go', () => {
    const store = new Store();
    store.put(order('2', 'A'));
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([2]);
    store.put(order('1', 'A'));
    store.put(order('3', 'A'));
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([1, 2, 3]);
    store.delete('Order', '2');
    store.delete('Order', '1');
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([3]);
    store.put({ ...order('3', 'B') });
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([]);
    expect(store.candidateLists('Order', 'ref', ['A', 'B'])).toEqual([[], [3]]);
  });

  it('keeps the reverse index right from one linking record to several and back to none', () => {
    const store = new Store();
    const customer: LinkRef = { __link: 'Customer', id: '1' };
    store.put(order('1', 'A'));
    expect(store.linkedFrom(customer, 'Order').map((r) => r.id)).toEqual(['1']);
    store.put(order('2', 'B'));
    expect(store.linkedFrom(customer, 'Order').map((r) => r.id)).toEqual(['1', '2']);
    store.put(order('1', 'A', '9'));
    expect(store.linkedFrom(customer, 'Order').map((r) => r.id)).toEqual(['2']);
    expect(store.linkedFrom({ __link: 'Customer', id: '9' }, 'Order').map((r) => r.id)).toEqual(['1']);
    store.delete('Order', '2');
    expect(store.linkedFrom(customer, 'Order')).toEqual([]);
  });

  it('keeps a link to an id that is not a number apart from a numeric one, and a target linked twice once', () => {
    const store = new Store();
    store.put({ __typename: 'Fulfilment', id: '1', fromAddress: { __link: 'Location', id: '5' }, toAddress: { __link: 'Location', id: '5' } });
    store.put({ __typename: 'Fulfilment', id: '2', fromAddress: { __link: 'Location', id: '05' }, toAddress: { __link: 'Location', id: 'HQ' } });
    expect(store.linkedFrom({ __link: 'Location', id: '5' }, 'Fulfilment').map((r) => r.id)).toEqual(['1']);
    expect(store.linkedFrom({ __link: 'Location', id: '05' }, 'Fulfilment').map((r) => r.id)).toEqual(['2']);
    expect(store.linkedFrom({ __link: 'Location', id: 'HQ' }, 'Fulfilment').map((r) => r.id)).toEqual(['2']);
    expect(store.linkedFrom({ __link: 'Location', id: '5' }, 'Order')).toEqual([]);
    // One of the two links to Location 5 goes: the fulfilment still links to it.
    store.put({ __typename: 'Fulfilment', id: '1', fromAddress: { __link: 'Location', id: '5' }, toAddress: { __link: 'Location', id: '6' } });
    expect(store.linkedFrom({ __link: 'Location', id: '5' }, 'Fulfilment').map((r) => r.id)).toEqual(['1']);
    expect(store.linkedFrom({ __link: 'Location', id: '6' }, 'Fulfilment').map((r) => r.id)).toEqual(['1']);
  });

  it('moves only what an update changed, and re-reads a record put again after changing it in place', () => {
    const store = new Store();
    store.put(order('1', 'A'));
    store.put({ ...order('1', 'A'), status: 'BOOKED' });
    expect(store.candidates('Order', 'status', ['CREATED'])).toEqual([]);
    expect(store.candidates('Order', 'status', ['BOOKED'])).toEqual([1]);
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([1]);
    // The create path puts a record, then adds its children's links to the same object and puts it again.
    const record = order('2', 'B');
    store.put(record);
    record['items'] = [{ __link: 'OrderItem', id: '7' }];
    store.put(record);
    expect(store.linkedFrom({ __link: 'OrderItem', id: '7' }, 'Order').map((r) => r.id)).toEqual(['2']);
    expect(store.linkedFrom({ __link: 'Customer', id: '1' }, 'Order').map((r) => r.id)).toEqual(['1', '2']);
  });

  it('gives an image that later writes do not change, in either kind of entry', () => {
    const store = new Store();
    store.put(order('1', 'A'));
    store.put(order('2', 'S'));
    store.put(order('3', 'S'));
    const image = store.image();
    store.put(order('4', 'A'));
    store.put(order('5', 'S'));
    store.delete('Order', '2');
    store.restoreImage(image);
    expect(store.candidates('Order', 'ref', ['A'])).toEqual([1]);
    expect(store.candidates('Order', 'ref', ['S'])).toEqual([2, 3]);
    expect(store.linkedFrom({ __link: 'Customer', id: '1' }, 'Order').map((r) => r.id)).toEqual(['1', '2', '3']);
  });
});

import { describe, expect, it } from 'vitest';
import { linkTo, Store, type EntityRecord } from '../../server/domain/store/store.js';
import { Transaction } from '../../server/domain/transaction.js';

const order = (id: string, fields: Record<string, unknown> = {}): EntityRecord => ({ __typename: 'Order', id, ref: `O-${id}`, status: 'CREATED', ...fields });

describe('Transaction', () => {
  it('reads its own staged writes first and leaves the store untouched until commit', () => {
    const store = new Store();
    store.put(order('1'));
    const tx = new Transaction(store);
    tx.put(order('1', { status: 'BOOKED' }));
    tx.put(order('2'));
    expect(tx.get('Order', '1')).toMatchObject({ status: 'BOOKED' });
    expect(tx.get('Order', '2')).toBeDefined();
    expect(store.get('Order', '1')).toMatchObject({ status: 'CREATED' });
    expect(store.get('Order', '2')).toBeUndefined();

    tx.commit();
    expect(store.get('Order', '1')).toMatchObject({ status: 'BOOKED' });
    expect(store.candidates('Order', 'status', ['BOOKED'])).toEqual([1]);
    expect(store.get('Order', '2')).toBeDefined();
  });

  it('is dropped whole when the work throws before commit', () => {
    const store = new Store();
    const version = store.version;
    const tx = new Transaction(store);
    expect(() => {
      tx.put(order('1'));
      throw new Error('half-way');
    }).toThrow('half-way');
    expect(store.get('Order', '1')).toBeUndefined();
    expect(store.version).toBe(version);
  });

  it('finds candidates by ref among stored and staged records, with staged versions winning', () => {
    const store = new Store();
    store.put(order('1', { ref: 'A' }));
    store.put(order('2', { ref: 'B' }));
    const tx = new Transaction(store);
    tx.put(order('2', { ref: 'A' }));
    tx.put(order('3', { ref: 'A' }));
    expect(
      tx
        .candidates('Order', 'A')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['1', '2', '3']);
    expect(tx.candidates('Order', 'B')).toEqual([]);
    expect(
      tx
        .candidates('Order')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['1', '2', '3']);
  });

  it('sees links made by staged records in linkedFrom', () => {
    const store = new Store();
    const customer: EntityRecord = { __typename: 'Customer', id: '5', ref: 'c' };
    store.put(customer);
    store.put(order('1', { customer: linkTo(customer) }));
    const tx = new Transaction(store);
    tx.put(order('2', { customer: linkTo(customer) }));
    tx.put(order('1', { status: 'BOOKED', customer: linkTo(customer) }));
    const linked = tx.linkedFrom(linkTo(customer), 'Order');
    expect(linked.map((r) => [r.id, r['status']])).toEqual([
      ['1', 'BOOKED'],
      ['2', 'CREATED'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { linkTo, type EntityRecord, type Store } from '../../server/domain/store/store.js';

/**
 * The contract any entity store must pass (the in-memory one today; a persistent one later):
 * records by id, the ref/status/type indexes and the reverse link index stay in step with every
 * put and delete, ids come back ascending, and images and JSON round-trip the whole state.
 */
export function describeStoreContract(name: string, makeStore: () => Store): void {
  const order = (id: string, fields: Record<string, unknown> = {}): EntityRecord => ({
    __typename: 'Order',
    id,
    ref: `O-${id}`,
    status: 'CREATED',
    type: 'HD',
    ...fields,
  });
  const customer = (id: string): EntityRecord => ({ __typename: 'Customer', id, ref: `c${id}` });

  describe(`${name}: the store contract`, () => {
    it('gets what was put, by type and id, and counts per type', () => {
      const store = makeStore();
      store.put(order('1'));
      store.put(customer('1'));
      expect(store.get('Order', '1')).toMatchObject({ ref: 'O-1' });
      expect(store.get('Customer', '1')).toMatchObject({ ref: 'c1' });
      expect(store.get('Order', '2')).toBeUndefined();
      expect(store.get('Nothing', '1')).toBeUndefined();
      expect([store.count('Order'), store.count('Customer'), store.count('Nothing')]).toEqual([1, 1, 0]);
    });

    it('answers candidates ascending by numeric id, whatever the order of insertion', () => {
      const store = makeStore();
      for (const id of ['10', '2', '33', '4']) store.put(order(id));
      expect(store.candidates('Order')).toEqual([2, 4, 10, 33]);
      expect(store.candidates('Nothing')).toEqual([]);
    });

    it('keeps the ref, status and type indexes in step with replacing puts and deletes', () => {
      const store = makeStore();
      store.put(order('1'));
      store.put(order('2', { status: 'BOOKED', type: 'CC' }));
      store.put(order('3'));
      expect(store.candidates('Order', 'status', ['CREATED'])).toEqual([1, 3]);
      expect(store.candidates('Order', 'status', ['CREATED', 'BOOKED'])).toEqual([1, 2, 3]);
      expect(store.candidates('Order', 'type', ['CC'])).toEqual([2]);
      expect(store.candidates('Order', 'ref', ['O-3'])).toEqual([3]);

      store.put(order('3', { status: 'BOOKED' }));
      expect(store.candidates('Order', 'status', ['CREATED'])).toEqual([1]);
      expect(store.candidates('Order', 'status', ['BOOKED'])).toEqual([2, 3]);

      store.delete('Order', '2');
      expect(store.get('Order', '2')).toBeUndefined();
      expect(store.candidates('Order')).toEqual([1, 3]);
      expect(store.candidates('Order', 'type', ['CC'])).toEqual([]);
      expect(store.candidateLists('Order', 'status', ['BOOKED', 'CREATED', 'BOOKED'])).toEqual([[3], [1]]);
    });

    it('indexes links both ways and forgets a link that a later put removes', () => {
      const store = makeStore();
      const c = customer('7');
      store.put(c);
      store.put(order('1', { customer: linkTo(c) }));
      store.put(order('2', { customer: linkTo(c) }));
      store.put({ __typename: 'Network', id: '1', ref: 'N', locations: [{ __link: 'Customer', id: '7' }] });
      expect(store.linkedFrom(linkTo(c), 'Order').map((r) => r.id)).toEqual(['1', '2']);
      expect(store.linkedFrom(linkTo(c), 'Network').map((r) => r.id)).toEqual(['1']);

      store.put(order('1'));
      store.delete('Order', '2');
      expect(store.linkedFrom(linkTo(c), 'Order')).toEqual([]);
    });

    it('counts every write in its version, so persistence can skip unchanged states', () => {
      const store = makeStore();
      const before = store.version;
      store.put(order('1'));
      store.delete('Order', '1');
      store.delete('Order', '1');
      expect(store.version).toBe(before + 2);
    });

    it('round-trips its whole state through JSON and through an image, indexes included', () => {
      const store = makeStore();
      const c = customer('1');
      store.put(c);
      store.put(order('1', { customer: linkTo(c) }));
      store.put(order('2', { status: 'BOOKED' }));
      const json = JSON.parse(JSON.stringify(store.toJSON())) as ReturnType<Store['toJSON']>;
      const image = store.image();

      store.put(order('3'));
      store.put(order('2', { status: 'CANCELLED' }));

      const fromJson = makeStore();
      fromJson.restore(json);
      store.restoreImage(image);
      for (const s of [store, fromJson]) {
        expect(s.candidates('Order')).toEqual([1, 2]);
        expect(s.candidates('Order', 'status', ['BOOKED'])).toEqual([2]);
        expect(s.candidates('Order', 'status', ['CANCELLED'])).toEqual([]);
        expect(s.linkedFrom(linkTo(c), 'Order').map((r) => r.id)).toEqual(['1']);
      }
      // An image is a copy: writes after restoring it do not change it.
      store.put(order('9'));
      store.restoreImage(image);
      expect(store.get('Order', '9')).toBeUndefined();
    });
  });
}

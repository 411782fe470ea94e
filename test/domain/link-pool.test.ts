import { describe, expect, it } from 'vitest';
import { LinkPool } from '../../server/domain/store/link-pool.js';
import type { EntityRecord } from '../../server/domain/store/store.js';

describe('LinkPool', () => {
  it('gives records linking the same target one frozen link object, equal to theirs', () => {
    const pool = new LinkPool();
    const a: EntityRecord = { __typename: 'Order', id: '1', retailer: { __link: 'Retailer', id: '1' }, items: [{ __link: 'OrderItem', id: '1' }] };
    const b: EntityRecord = { __typename: 'Order', id: '2', retailer: { __link: 'Retailer', id: '1' }, items: [{ __link: 'OrderItem', id: '2' }] };
    pool.share(a);
    pool.share(b);
    expect(b['retailer']).toBe(a['retailer']);
    expect(Object.isFrozen(a['retailer'])).toBe(true);
    expect(JSON.stringify(b)).toBe('{"__typename":"Order","id":"2","retailer":{"__link":"Retailer","id":"1"},"items":[{"__link":"OrderItem","id":"2"}]}');
  });

  it('leaves a link with more keys, or its keys in another order, as it is', () => {
    const pool = new LinkPool();
    const extra = { __link: 'Location', id: '5', note: 'x' };
    const reversed = { id: '5', __link: 'Location' };
    const r: EntityRecord = { __typename: 'Fulfilment', id: '1', fromAddress: extra, toAddress: reversed };
    pool.share(r);
    expect(r['fromAddress']).toBe(extra);
    expect(r['toAddress']).toBe(reversed);
    expect(Object.isFrozen(extra) || Object.isFrozen(reversed)).toBe(false);
  });
});

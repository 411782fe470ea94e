import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../server/lib/bounded-map.js';

describe('BoundedMap', () => {
  it('keeps the newest `max` entries, dropping the oldest insertion first', () => {
    const map = new BoundedMap<string, number>(3);
    for (let i = 0; i < 10; i += 1) map.set(`k${i}`, i);
    expect(map.size).toBe(3);
    expect([map.get('k6'), map.get('k7'), map.get('k8'), map.get('k9')]).toEqual([undefined, 7, 8, 9]);
  });

  it('replacing a value keeps its place in the order', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect(map.get('a')).toBeUndefined();
    expect([map.get('b'), map.get('c')]).toEqual([2, 3]);
  });

  it('a key deleted and added again counts from its new insertion', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.delete('a')).toBe(true);
    map.set('a', 3).set('c', 4);
    // 'b' is now the oldest: the queued first 'a' must not evict the new one.
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([3, undefined, 4]);
    expect(map.size).toBe(2);
  });

  it('stays exact over many insertions (the queue is compacted)', () => {
    const map = new BoundedMap<number, number>(100);
    for (let i = 0; i < 50_000; i += 1) map.set(i, i * 2);
    expect(map.size).toBe(100);
    expect(map.get(49_899)).toBeUndefined();
    expect(map.get(49_900)).toBe(99_800);
    expect(map.get(49_999)).toBe(99_998);
    map.clear();
    expect(map.size).toBe(0);
    map.set(1, 1);
    expect(map.get(1)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { IdMap } from '../../server/domain/store/id-map.js';

describe('IdMap', () => {
  it('keeps numeric ids and any other id apart, with their count', () => {
    const map = new IdMap<string>();
    for (const id of ['1', '2', '05', '5', 'HQ', '', '1234567890', '0']) map.set(id, `v${id}`);
    expect(['1', '2', '05', '5', 'HQ', '', '1234567890', '0', '3', '-1'].map((id) => map.get(id))).toEqual([
      'v1',
      'v2',
      'v05',
      'v5',
      'vHQ',
      'v',
      'v1234567890',
      'v0',
      undefined,
      undefined,
    ]);
    expect(map.size).toBe(8);
    map.set('5', 'again');
    expect(map.size).toBe(8);
    expect(map.delete('5')).toBe(true);
    expect(map.delete('5')).toBe(false);
    expect(map.delete('HQ')).toBe(true);
    expect(map.size).toBe(6);
    expect([...map.values()]).toEqual(['v0', 'v1', 'v2', 'v05', 'v', 'v1234567890']);
  });

  it('keeps an id far past the others in its Map, and finds it once the slots reach it', () => {
    const map = new IdMap<number>();
    map.set('1', 1);
    map.set('5000', 5000);
    expect(map.get('5000')).toBe(5000);
    for (let id = 2; id <= 6000; id += 1) if (id !== 5000) map.set(String(id), id);
    expect(map.get('5000')).toBe(5000);
    expect(map.size).toBe(6000);
    map.set('5000', -1);
    expect(map.size).toBe(6000);
    expect([...map.values()].filter((v) => v === -1 || v === 5000)).toEqual([-1]);
    expect(map.delete('5000')).toBe(true);
    expect(map.get('5000')).toBeUndefined();
    expect(map.size).toBe(5999);
  });

  it('copies its entries, through a function when given one', () => {
    const map = new IdMap<number[]>();
    map.set('1', [1]);
    map.set('x', [2]);
    const copy = map.copy((v) => [...v]);
    copy.get('1')?.push(9);
    expect(map.get('1')).toEqual([1]);
    expect(copy.get('x')).toEqual([2]);
    expect(copy.size).toBe(2);
  });
});

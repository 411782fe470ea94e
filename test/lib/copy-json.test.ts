import { describe, expect, it } from 'vitest';
import { copyJson } from '../../server/lib/copy-json.js';
import { isoInstant } from '../../server/lib/iso-instant.js';

describe('copyJson', () => {
  it('copies every object and array, so changing the copy leaves the original as it was', () => {
    const original = { a: [1, { b: 'x' }], c: { d: null, e: true }, f: 'text' };
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    (copy.a[1] as { b: string }).b = 'changed';
    copy.c.e = false;
    copy.a.push(3);
    expect(original).toEqual({ a: [1, { b: 'x' }], c: { d: null, e: true }, f: 'text' });
  });

  it('copies an own __proto__ key as data, never as the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const copy = copyJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'ok']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });
});

describe('isoInstant', () => {
  it('is toISOString of the instant, for repeated and changing instants', () => {
    for (const ms of [0, 0, 1_767_225_600_000, 1_767_225_600_000, 1_767_225_600_001]) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});

import { describe, expect, it } from 'vitest';
import { randomUuid } from '../../server/lib/random-uuid.js';

describe('randomUuid', () => {
  it('gives v4 UUIDs (version and variant bits) in the canonical lower-case form', () => {
    for (let i = 0; i < 1000; i += 1) expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not repeat across refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid()));
    expect(ids.size).toBe(1000);
  });
});

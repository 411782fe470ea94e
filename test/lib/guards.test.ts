import { describe, expect, it } from 'vitest';
import { isOneOf } from '../../server/lib/guards.js';

describe('isOneOf', () => {
  it('accepts exactly the listed strings, case and all', () => {
    const statuses = ['PENDING', 'DELIVERED'] as const;
    expect(['PENDING', 'DELIVERED', 'pending', 'LOST', ''].filter((value) => isOneOf(statuses, value))).toEqual(['PENDING', 'DELIVERED']);
  });
});

/** The delivery slots: global and per-origin limits, FIFO within an origin, origins in turn. */
import { describe, expect, it } from 'vitest';
import { createDeliverySlots } from '../../server/webhooks/delivery-slots.js';

describe('createDeliverySlots', () => {
  it('serves origins in turn, FIFO within each, up to the per-origin limit', () => {
    const slots = createDeliverySlots({ maxInFlight: 10, maxPerOrigin: 2 });
    for (const id of ['a1', 'a2', 'a3']) slots.push('A', id);
    for (const id of ['b1', 'b2']) slots.push('B', id);
    const started: string[] = [];
    slots.take((id) => {
      started.push(id);
      slots.acquire(id[0]!.toUpperCase());
    });
    expect(started).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect({ ready: slots.ready, inFlight: slots.inFlight }).toEqual({ ready: 1, inFlight: 4 });
    slots.release('A');
    slots.take((id) => started.push(id));
    expect(started.at(-1)).toBe('a3');
  });

  it('never starts more than the global limit', () => {
    const slots = createDeliverySlots({ maxInFlight: 3, maxPerOrigin: 8 });
    for (let i = 0; i < 5; i += 1) slots.push(`O${i}`, `d${i}`);
    const started: string[] = [];
    slots.take((id) => {
      started.push(id);
      slots.acquire(`O${id.slice(1)}`);
    });
    expect(started).toEqual(['d0', 'd1', 'd2']);
    slots.clearReady();
    expect(slots.ready).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { type AccountId, accountIdOf, type EntityId, eventIdOf } from '../../server/domain/ids.js';
import { type DeliveryId, deliveryIdOf } from '../../server/webhooks/outbox.js';

// What this file checks is mostly checked by `tsc --noEmit` (part of `npm test`): each
// `@ts-expect-error` fails the type check if the line below it ever compiles.
describe('branded ids', () => {
  it('are plain strings at run time and read as strings anywhere', () => {
    const account = accountIdOf('SIM');
    const text: string = account;
    expect(text).toBe('SIM');
    expect(JSON.stringify({ account })).toBe('{"account":"SIM"}');
  });

  it('are not interchangeable, and a plain string gets one only through its constructor', () => {
    const event = eventIdOf('0b6c…');
    const delivery = deliveryIdOf('5f2e…');
    // @ts-expect-error an event id is not an account id
    const a: AccountId = event;
    // @ts-expect-error a delivery id is not an entity id
    const e: EntityId = delivery;
    // @ts-expect-error a plain string is not a delivery id until deliveryIdOf
    const d: DeliveryId = 'x';
    expect([a, e, d]).toEqual(['0b6c…', '5f2e…', 'x']);
  });
});

// The webhook wire form (fluent-platform.md §6.2): compact JSON, the platform's key order,
// defaults for meta, trailLogs and errorLogs, unknown keys dropped.
import { describe, expect, it } from 'vitest';
import { toWebhookBody, type WebhookEvent } from '../../server/webhooks/payload.js';

const event: WebhookEvent = {
  id: '9a4b2c1d-0e3f-4a5b-8c7d-6e5f4a3b2c1d',
  name: 'FulfilmentStatus',
  accountId: 'LOCAL',
  retailerId: '1',
  entityId: '12',
  entityRef: 'F-12',
  entityType: 'FULFILMENT',
  entityStatus: 'PICKED',
  type: 'NORMAL',
  attributes: { picker: 'Zoë', lines: 2 },
  rootEntityId: '3',
  rootEntityType: 'ORDER',
  rootEntityRef: 'HD-3',
};
const WIRE_ORDER = [
  'id',
  'name',
  'accountId',
  'retailerId',
  'entityId',
  'entityRef',
  'entityType',
  'entityStatus',
  'type',
  'attributes',
  'meta',
  'trailLogs',
  'errorLogs',
  'rootEntityId',
  'rootEntityType',
  'rootEntityRef',
];

describe('toWebhookBody', () => {
  it('writes compact UTF-8 JSON in the platform key order, with meta, trailLogs and errorLogs defaulted', () => {
    const text = toWebhookBody(event).toString('utf8');
    expect(text).not.toMatch(/\n|": |, "/);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(WIRE_ORDER);
    expect(parsed).toMatchObject({
      meta: { mode: 'SYNC', simulation: false, models: [] },
      trailLogs: [],
      errorLogs: [],
      attributes: { picker: 'Zoë', lines: 2 },
    });
  });

  it('places entitySubtype right after entityStatus when the entity has one', () => {
    const keys = Object.keys(JSON.parse(toWebhookBody({ ...event, entitySubtype: 'HD_PICK' }).toString()) as object);
    expect(keys).toEqual([...WIRE_ORDER.slice(0, 8), 'entitySubtype', ...WIRE_ORDER.slice(8)]);
  });

  it('keeps the platform key order whatever order the caller uses, and drops unknown keys', () => {
    const shuffled = { ...Object.fromEntries(Object.entries(event).reverse()), internalNote: 'x' } as unknown as WebhookEvent;
    expect(toWebhookBody(shuffled).equals(toWebhookBody(event))).toBe(true);
  });
});

import { createPublicKey, verify } from 'node:crypto';
import { WebhookValidationService } from '@fluentcommerce/fc-connect-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../server/testing.js';
import { SILENT_LOGGER } from '../support/official-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { hdChoice } from '../support/delivery-address.js';

/**
 * End to end, through the project's own test helpers (fluent-sim/testing): a status change in
 * the ORDER::HD workflow fires `core.SendWebhook`, the simulator signs and POSTs the event to a
 * real receiver, and the receiver's raw bytes verify with node:crypto and with the official
 * client; the outbox and the event log show it.
 */
describe('webhooks from a workflow', () => {
  let sim: SimulatorHandle;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    sim = await startSimulator({ clockStart: '2026-01-15T09:00:00.000Z' });
    receiver = await startWebhookReceiver();
    const setting = await sim.graphql(`mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }`, {
      input: { name: 'webhook.order.status', valueType: 'JSON', lobValue: { name: 'OrderStatus', url: receiver.url }, context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
  });
  afterEach(async () => {
    await receiver.close();
    await sim.stop();
  });

  it('sends a signed order status webhook that verifies with node:crypto and the official client', async () => {
    const created = await sim.graphql<{ createOrder: { id: string } }>('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'WH-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('WH-1'),
        items: [{ ref: 'WH-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }],
      },
    });
    const [first] = await receiver.waitForRequests(1);
    const payload = JSON.parse(first!.body.toString('utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({
      name: 'OrderStatus',
      accountId: 'LOCAL',
      retailerId: '1',
      entityId: created.data.createOrder.id,
      entityRef: 'WH-1',
      entityType: 'ORDER',
      entitySubtype: 'HD',
      entityStatus: 'BOOKED',
      rootEntityType: 'ORDER',
    });
    expect(first!.body.toString('utf8')).not.toMatch(/\n|": /);

    const pem = await (await fetch(`${sim.url}/_sim/webhooks/public-key`)).text();
    const key = createPublicKey(pem);
    expect(verify('sha512', first!.body, key, Buffer.from(String(first!.headers['fluent-signature']), 'base64'))).toBe(true);
    expect(verify('md5', first!.body, key, Buffer.from(String(first!.headers['flex.signature']), 'base64'))).toBe(true);

    const base64Key = await (await fetch(`${sim.url}/_sim/webhooks/public-key?format=base64`)).text();
    const sdk = new WebhookValidationService({}, SILENT_LOGGER);
    const result = await sdk.validateWebhook(
      first!.body.toString('utf8'),
      { 'fluent-signature': String(first!.headers['fluent-signature']) } as never,
      base64Key,
    );
    expect(result.isValid).toBe(true);

    const delivered = await sim.expectWebhook({ name: 'OrderStatus', entityRef: 'WH-1' }, { status: 'DELIVERED' });
    expect(delivered).toMatchObject({ url: receiver.url, status: 'DELIVERED', attempts: [{ number: 1, status: 'SUCCESS', responseStatus: 200 }] });
    expect(delivered.body).toBe(first!.body.toString('utf8'));
    const audits = await fetch(`${sim.url}/api/v4.1/event?name=OrderStatus&category=ACTION`, { headers: { authorization: `Bearer ${await sim.token()}` } });
    const { results } = (await audits.json()) as { results: { context: { entityRef: string }; eventStatus: string }[] };
    expect(results.some((e) => e.context.entityRef === 'WH-1' && e.eventStatus === 'COMPLETE')).toBe(true);
  });
});

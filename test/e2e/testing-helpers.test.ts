import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectSimulator, startSimulator, type SimulatorHandle } from '../../server/testing.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { hdChoice } from '../support/delivery-address.js';

/** `fluent-sim/testing`, used the way a consumer's test suite would. */
describe('fluent-sim/testing', () => {
  let sim: SimulatorHandle;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    sim = await startSimulator({ clockStart: '2026-02-01T00:00:00.000Z' });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await sim.stop();
  });

  it('starts on a free port with the default credentials and a frozen clock', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.credentials).toMatchObject({ clientId: 'LOCAL', username: 'admin', retailerId: '1' });
    const me = await sim.graphql<{ me: { username: string } }>('{ me { username } }');
    expect(me.data.me.username).toBe('admin');
    expect(await sim.clock.now()).toBe('2026-02-01T00:00:00.000Z');
    expect(await sim.clock.advance('PT90M')).toBe('2026-02-01T01:30:00.000Z');
  });

  it('gives each worker an isolated account, reachable through connectSimulator too', async () => {
    const worker = await sim.createAccount();
    await worker.graphql(
      'mutation { createCustomer(input: { username: "only-in-worker", primaryEmail: "w@x.io", timezone: "UTC", promotionOptIn: false, retailer: { id: "1" } }) { id } }',
    );
    const remote = await connectSimulator(sim.url, worker.credentials);
    const seen = await remote.graphql<{ customer: { ref: string } | null }>('{ customer(ref: "only-in-worker") { ref } }');
    expect(seen.data.customer).toEqual({ ref: 'only-in-worker' });
    const main = await sim.graphql<{ customer: unknown }>('{ customer(ref: "only-in-worker") { ref } }');
    expect(main.data.customer).toBeNull();
  });

  it('waits for a webhook with expectWebhook, and resets to the seed', async () => {
    const worker = await sim.createAccount();
    await worker.graphql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'webhook.order.status', valueType: 'JSON', lobValue: { name: 'OrderStatus', url: receiver.url }, context: 'RETAILER', contextId: 1 },
    });
    await worker.snapshot('with-webhook');
    await worker.graphql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'TH-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('TH-1'),
        items: [{ ref: 'TH-1-1', productRef: 'RUNNER-42', quantity: 1 }],
      },
    });
    const webhook = await worker.expectWebhook({ name: 'OrderStatus', entityRef: 'TH-1', entityStatus: 'BOOKED' }, { status: 'DELIVERED' });
    expect(webhook.payload).toMatchObject({ entityType: 'ORDER', entitySubtype: 'HD' });
    expect(webhook.headers['fluent-signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    await expect(worker.expectWebhook({ entityRef: 'NOPE' }, { timeout: 50 })).rejects.toThrow(/No webhook matching/);

    // One long poll per outbox change, not a request every few milliseconds.
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await expect(worker.expectWebhook({ entityRef: 'STILL-NOPE' }, { timeout: 400 })).rejects.toThrow(/No webhook matching/);
      const outboxCalls = fetchSpy.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input).includes('/_sim/webhooks'));
      expect(outboxCalls.length).toBeLessThanOrEqual(2);
    } finally {
      fetchSpy.mockRestore();
    }

    await worker.restore('with-webhook');
    expect((await worker.graphql<{ order: unknown }>('{ order(ref: "TH-1") { id } }')).data.order).toBeNull();
    await worker.reset();
    expect(
      (await worker.graphql<{ settings: { edges: unknown[] } }>('{ settings(name: ["webhook.order.status"]) { edges { node { id } } } }')).data.settings.edges,
    ).toEqual([]);
  });
});

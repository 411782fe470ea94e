import type { FluentClient } from '@fluentcommerce/fc-connect-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../server/testing.js';
import { officialClient } from '../support/official-client.js';
import { hdChoice } from '../support/delivery-address.js';

/**
 * Workflow versions as the platform applies them (issue 10), driven with the official client:
 * every PUT raises the minor and reaches existing orders; a major set by hand (2.0) applies only
 * to orders created after it, while existing orders stay on the latest 1.x.
 */
type Workflow = { version: string; rulesets: Record<string, unknown>[] };
type EventAnswer = { eventStatus: string; eventId: string; errorMessage?: string };

const shout = (status: string, name = 'ShoutOut') => ({
  name,
  type: 'ORDER',
  eventType: 'NORMAL',
  triggers: [{ status: 'BOOKED' }],
  rules: [{ name: 'ACME.core.SetState', props: { status } }],
  userActions: [],
});

describe('workflow versions through the official client', () => {
  let sim: SimulatorHandle;
  let client: FluentClient;
  let orders = 0;

  beforeEach(async () => {
    sim = await startSimulator({ clockStart: '2026-01-15T09:00:00.000Z' });
    client = officialClient(sim.url);
  });
  afterEach(async () => {
    await sim.stop();
  });

  const getWorkflow = async (): Promise<Workflow> => (await client.request('/api/v4.1/workflow/1/ORDER::HD')).data as Workflow;
  const putWorkflow = async (workflow: Workflow): Promise<{ entityId: string }> =>
    (await client.request('/api/v4.1/workflow', { method: 'PUT', body: workflow })).data as { entityId: string };

  /** Creates a booked HD order; answers its ref. */
  async function bookedOrder(): Promise<string> {
    orders += 1;
    const ref = `WV-${orders}`;
    await client.graphql({
      query: 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }',
      variables: {
        input: {
          ref,
          type: 'HD',
          retailer: { id: '1' },
          customer: { id: '1' },
          fulfilmentChoice: hdChoice(ref),
          items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 1 }],
        },
      },
    });
    await expect.poll(async () => (await order(ref)).status).toBe('BOOKED');
    return ref;
  }

  async function order(ref: string): Promise<{ status: string; workflowVersion: number }> {
    const res = (await client.graphql({ query: `{ order(ref: "${ref}") { status workflowVersion } }` })) as {
      data: { order: { status: string; workflowVersion: number } };
    };
    return res.data.order;
  }

  /** A sync event; NO_MATCH and FAILED come back as the client's 400 error, whose body we read. */
  async function send(name: string, ref: string): Promise<EventAnswer> {
    const event = { name, retailerId: '1', entityType: 'ORDER', entityRef: ref, rootEntityType: 'ORDER', rootEntityRef: ref };
    try {
      return (await client.sendEvent(event, 'sync')) as unknown as EventAnswer;
    } catch (error) {
      const { statusCode, details } = error as { statusCode?: number; details?: { response?: string } };
      expect(statusCode).toBe(400);
      return JSON.parse(details?.response ?? '{}') as EventAnswer;
    }
  }

  const explain = async (eventId: string) => (await fetch(`${sim.url}/_sim/events/${eventId}/explain`)).json();

  it('a PUT raises the minor and an existing order runs on it', async () => {
    const ref = await bookedOrder();
    expect(await order(ref)).toEqual({ status: 'BOOKED', workflowVersion: 1 });
    const before = await send('ShoutOut', ref);
    expect(before).toMatchObject({ eventStatus: 'NO_MATCH', errorMessage: 'workflow ORDER::HD 1.0 has no ruleset named "ShoutOut"' });

    const current = await getWorkflow();
    expect(await putWorkflow({ ...current, rulesets: [...current.rulesets, shout('SHOUTED')] })).toEqual({
      entityId: '1-ORDER::HD::1.1',
      eventStatus: 'COMPLETE',
    });
    const after = await send('ShoutOut', ref);
    expect(after.eventStatus).toBe('COMPLETE');
    expect(await order(ref)).toEqual({ status: 'SHOUTED', workflowVersion: 1 });
    expect(await explain(after.eventId)).toMatchObject({ workflow: { name: 'ORDER::HD', version: '1.1', entityWorkflowVersion: 1 } });
  });

  it('a 2.0 leaves existing orders on the latest 1.x and applies to orders created after it', async () => {
    const current = await getWorkflow();
    await putWorkflow({ ...current, rulesets: [...current.rulesets, shout('SHOUTED_V1')] });
    const old = await bookedOrder();
    const major = { ...current, version: '2.0', rulesets: [...current.rulesets, shout('SHOUTED_V2'), shout('ESCALATED', 'Escalate')] };
    expect(await putWorkflow(major)).toEqual({ entityId: '1-ORDER::HD::2.0', eventStatus: 'COMPLETE' });
    const fresh = await bookedOrder();
    expect([(await order(old)).workflowVersion, (await order(fresh)).workflowVersion]).toEqual([1, 2]);

    expect((await send('ShoutOut', old)).eventStatus).toBe('COMPLETE');
    expect((await send('ShoutOut', fresh)).eventStatus).toBe('COMPLETE');
    expect([(await order(old)).status, (await order(fresh)).status]).toEqual(['SHOUTED_V1', 'SHOUTED_V2']);

    const escalate = await send('Escalate', old);
    expect(escalate).toMatchObject({
      eventStatus: 'NO_MATCH',
      errorMessage:
        'workflow ORDER::HD 1.1 has no ruleset named "Escalate"; version 2.0 has one, but this ORDER was created under major 1 ' +
        'and stays on it (a new major applies only to entities created after it)',
    });
    expect(await explain(escalate.eventId)).toMatchObject({ workflow: { version: '1.1', entityWorkflowVersion: 1 }, rulesetInOtherVersions: ['2.0'] });
  });

  it('suggests the closest ruleset names for an unknown event name, in the 400 body and in explain', async () => {
    const ref = await bookedOrder();
    const answer = await send('CancelOrdr', ref);
    expect(answer).toMatchObject({
      eventStatus: 'NO_MATCH',
      errorMessage: 'workflow ORDER::HD 1.0 has no ruleset named "CancelOrdr"; closest ruleset names: CancelOrder, OrderCancel',
    });
    expect(await explain(answer.eventId)).toMatchObject({
      similarRulesetNames: ['CancelOrder', 'OrderCancel'],
      outcome: { type: 'noMatch', reason: answer.errorMessage },
    });
  });
});

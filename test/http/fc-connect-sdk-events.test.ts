import type { FluentClient } from '@fluentcommerce/fc-connect-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../support/listen.js';
import { officialClient } from '../support/official-client.js';
import { createTestApp } from '../support/test-app.js';

/**
 * The official client's Event API calls run unchanged (fluent-platform.md §3): `sendEvent` in
 * sync and async mode, `getEvents` with context filters, `getEventById`.
 */
describe('official client FluentClient: events', () => {
  let server: Listening;
  let client: FluentClient;
  const location = { entityType: 'LOCATION', entitySubtype: 'STORE', entityRef: 'LOC_MEL_STORE', rootEntityType: 'LOCATION', rootEntityRef: 'LOC_MEL_STORE' };

  beforeAll(async () => {
    server = await listen((await createTestApp()).app);
    client = officialClient(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  const statusOf = async (ref: string): Promise<string> => {
    const res = (await client.graphql({ query: 'query($ref: String!) { location(ref: $ref) { status } }', variables: { ref } })) as {
      data: { location: { status: string } };
    };
    return res.data.location.status;
  };

  it('sends a sync event that moves the entity, then finds it and its audit trail by id and by search', async () => {
    const sent = await client.sendEvent({ name: 'ActivateLocation', ...location }, 'sync');
    expect(sent).toMatchObject({ eventStatus: 'COMPLETE', eventId: expect.any(String) });
    expect(await statusOf('LOC_MEL_STORE')).toBe('ACTIVE');

    const event = await client.getEventById(String(sent.eventId));
    expect(event).toMatchObject({
      id: String(sent.eventId),
      name: 'ActivateLocation',
      eventStatus: 'COMPLETE',
      context: { entityType: 'LOCATION', entityRef: 'LOC_MEL_STORE' },
    });

    const found = await client.getEvents({
      'context.rootEntityRef': 'LOC_MEL_STORE',
      'context.rootEntityType': 'LOCATION',
      eventType: 'ORCHESTRATION_AUDIT',
      count: 100,
    });
    const results = found.results as { context?: { rootEntityRef?: string; sourceEvents?: string[] } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((e) => e.context?.rootEntityRef === 'LOC_MEL_STORE')).toBe(true);
    expect(results.some((e) => e.context?.sourceEvents?.includes(String(sent.eventId)))).toBe(true);
  });

  it('queues an async event that the engine then processes', async () => {
    const sent = await client.sendEvent({ name: 'ActivateLocation', ...location, entityRef: 'LOC_SYD_STORE', rootEntityRef: 'LOC_SYD_STORE' }, 'async');
    expect(sent.id ?? sent.eventId).toEqual(expect.any(String));
    await expect.poll(() => statusOf('LOC_SYD_STORE')).toBe('ACTIVE');
  });

  it('surfaces NO_MATCH for an event no ruleset takes, as the platform answers it', async () => {
    await expect(client.sendEvent({ name: 'NoSuchEvent', ...location }, 'sync')).rejects.toThrow();
    const found = await client.getEvents({ name: 'NoSuchEvent', count: 10 });
    expect(found.results).toEqual([expect.objectContaining({ name: 'NoSuchEvent', eventStatus: 'NO_MATCH' })]);
  });
});

/**
 * Shared steps of the inventory and virtual-catalogue contract tests, through the public APIs only:
 * an inventory batch through the Job API (waiting for COMPLETE), events through the Event API, and
 * positions and virtual positions read over GraphQL.
 */
import request from 'supertest';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';

export type Auth = { Authorization: string };
export type VirtualPosition = { ref: string; productRef: string; groupRef: string; quantity: number; status: string };

/** Sends one inventory batch and waits until the job reports it COMPLETE; returns its GET body. */
export async function runInventoryBatch(t: TestApp, auth: Auth, entities: unknown[], catalogueRef = 'DEFAULT:1'): Promise<Record<string, unknown>> {
  const jobId = (await request(t.app).post('/api/v4.1/job').set(auth).send({ name: 'stock', retailerId: '1' })).body.id as string;
  const sent = await request(t.app).post(`/api/v4.1/job/${jobId}/batch`).set(auth).send({ action: 'UPSERT', entityType: 'INVENTORY', catalogueRef, entities });
  expect(sent.status).toBe(200);
  const read = async () => (await request(t.app).get(`/api/v4.1/job/${jobId}/batch/${sent.body.id}`).set(auth)).body as Record<string, unknown>;
  await expect.poll(async () => (await read())['status'], { timeout: 60_000 }).toBe('COMPLETE');
  return read();
}

/** POST /api/v4.1/event/sync with `fields` on an entity of the given root. */
export function sendSync(t: TestApp, auth: Auth, fields: Record<string, unknown>) {
  return request(t.app)
    .post('/api/v4.1/event/sync')
    .set(auth)
    .send({ retailerId: '1', attributes: {}, ...fields });
}

/** `CREATE` for a virtual catalogue (the platform raises none, workflow-contracts.md §0). */
export async function activateVirtualCatalogue(t: TestApp, auth: Auth, ref: string, subtype: string): Promise<void> {
  const entity = { entityType: 'VIRTUAL_CATALOGUE', entitySubtype: subtype, entityRef: ref, rootEntityType: 'VIRTUAL_CATALOGUE', rootEntityRef: ref };
  expect((await sendSync(t, auth, { ...entity, name: 'CREATE' })).body.eventStatus).toBe('COMPLETE');
}

export async function virtualPositions(t: TestApp, catalogueRef: string): Promise<VirtualPosition[]> {
  const res = await t.gql<{ virtualPositions: { edges: { node: VirtualPosition }[] } }>(
    'query($ref: String!) { virtualPositions(catalogue: { ref: $ref }, first: 5000) { edges { node { ref productRef groupRef quantity status } } } }',
    { ref: catalogueRef },
  );
  expect(res.errors).toBeUndefined();
  return res.data.virtualPositions.edges.map((e) => e.node);
}

export async function onHandOf(t: TestApp, positionRef: string, catalogueRef = 'DEFAULT:1'): Promise<number | undefined> {
  const res = await t.gql<{ inventoryPosition: { onHand: number } | null }>(
    'query($ref: String!, $catalogue: String!) { inventoryPosition(ref: $ref, catalogue: { ref: $catalogue }) { onHand } }',
    { ref: positionRef, catalogue: catalogueRef },
  );
  return res.data.inventoryPosition?.onHand;
}

export async function networkId(t: TestApp, ref: string): Promise<string> {
  const res = await t.gql<{ networks: { edges: { node: { id: string; ref: string } }[] } }>('{ networks(first: 10) { edges { node { id ref } } } }');
  return res.data.networks.edges.find((e) => e.node.ref === ref)!.node.id;
}

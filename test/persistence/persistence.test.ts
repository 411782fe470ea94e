import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { listJournals } from '../../server/persistence/journal.js';
import type { JournalLine } from '../../server/persistence/journal-ops.js';
import { createPersistentApp, type PersistentApp } from '../support/persistent-app.js';

const opened: PersistentApp[] = [];

afterEach(async () => {
  for (const p of opened.splice(0)) await p.persistence.stop();
});

const dataPath = (): string => join(mkdtempSync(join(tmpdir(), 'fluent-sim-journal-')), 'state.json');

async function open(path: string, options: Parameters<typeof createPersistentApp>[1] = {}): Promise<PersistentApp> {
  const p = await createPersistentApp(path, options);
  opened.push(p);
  return p;
}

async function tokenOf(p: PersistentApp): Promise<string> {
  const res = await request(p.app)
    .post('/oauth/token')
    .query({ grant_type: 'password', client_id: 'LOCAL', client_secret: 'local-secret', username: 'admin', password: 'password' });
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

const CREATE_ORDER =
  'mutation($ref: String!) { createOrder(input: { ref: $ref, type: "HD", retailer: { id: "1" }, customer: { id: "1" }, items: [{ ref: "I1", productRef: "TSHIRT-BLK-M", quantity: 1 }] }) { id } }';

function createOrder(p: PersistentApp, token: string, ref: string): request.Test {
  return request(p.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: CREATE_ORDER, variables: { ref } });
}

async function orderExists(p: PersistentApp, token: string, ref: string): Promise<boolean> {
  const res = await request(p.app)
    .post('/graphql')
    .set('Authorization', `Bearer ${token}`)
    .send({ query: `{ order(ref: "${ref}") { ref } }` });
  return res.body.data?.order?.ref === ref;
}

function journalLines(path: string): JournalLine[] {
  const current = listJournals(path).at(-1)!;
  return readFileSync(current.path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as JournalLine);
}

const journalBytes = (path: string): number => listJournals(path).reduce((sum, j) => sum + statSync(j.path).size, 0);

describe('--data journal', () => {
  it('writes one line per committed request holding only the records that changed', async () => {
    const path = dataPath();
    const p = await open(path);
    const token = await tokenOf(p);
    const before = journalLines(path).length;
    expect((await createOrder(p, token, 'J-1')).status).toBe(200);
    // The answer came after the line with the order; the engine's work after it may add more.
    const lines = journalLines(path).slice(before);
    const ops = lines.flatMap((line) => line.ops);
    expect(lines[0]!.ops.some((op) => op.op === 'put' && op.record.__typename === 'Order' && op.record['ref'] === 'J-1')).toBe(true);
    expect(ops.some((op) => op.op === 'replace' || op.op === 'account')).toBe(false);
    // A line is the change, not the state: far smaller than the snapshot. (The reference sourcing
    // chain, workflow-contracts.md §5.2, logs about 15 events per order: about a third of the seed.)
    for (const line of lines) expect(JSON.stringify(line).length * 2).toBeLessThan(statSync(path).size);
  });

  it('writes nothing while idle, and only the grant for a token request', async () => {
    const path = dataPath();
    const p = await open(path);
    const token = await tokenOf(p);
    expect(
      journalLines(path)
        .at(-1)!
        .ops.map((op) => op.op)
        .sort(),
    ).toEqual(['access', 'refresh']);
    await createOrder(p, token, 'IDLE-1');
    // The engine's work after the answer is written too; then nothing moves.
    await p.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    await p.persistence.commit();
    const size = journalBytes(path);
    // Ten background ticks (20 ms each) with nothing to do.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(journalBytes(path)).toBe(size);
  });

  it('replays the journal on start: orders and tokens survive', async () => {
    const path = dataPath();
    const first = await open(path);
    const token = await tokenOf(first);
    for (const ref of ['R-1', 'R-2', 'R-3']) expect((await createOrder(first, token, ref)).status).toBe(200);
    const second = await open(path);
    for (const ref of ['R-1', 'R-2', 'R-3']) expect(await orderExists(second, token, ref)).toBe(true);
  });

  it('folds the journal into a new snapshot and starts the next generation', async () => {
    const path = dataPath();
    const first = await open(path);
    const token = await tokenOf(first);
    await createOrder(first, token, 'C-1');
    const generation = listJournals(path).at(-1)!.generation;
    await first.persistence.compact();
    expect(listJournals(path).map((j) => j.generation)).toEqual([generation + 1]);
    await createOrder(first, token, 'C-2');
    const second = await open(path);
    expect(await orderExists(second, token, 'C-1')).toBe(true);
    expect(await orderExists(second, token, 'C-2')).toBe(true);
  });

  it('ignores a last line cut short by a crash, with a warning', async () => {
    const path = dataPath();
    const first = await open(path);
    const token = await tokenOf(first);
    await createOrder(first, token, 'T-1');
    await first.persistence.stop();
    appendFileSync(listJournals(path).at(-1)!.path, '{"ops":[{"op":"put","account":"LOCAL","rec');
    const second = await open(path);
    expect(second.warnings.join('\n')).toMatch(/cut short .* ignored/);
    expect(await orderExists(second, token, 'T-1')).toBe(true);
  });

  it('refuses a journal damaged before its last line and leaves it untouched', async () => {
    const path = dataPath();
    const first = await open(path);
    await tokenOf(first);
    await first.persistence.stop();
    const journal = listJournals(path).at(-1)!.path;
    const damaged = `${readFileSync(journal, 'utf8')}{"ops":[{"op":"access",\n{"ops":[]}\n`;
    writeFileSync(journal, damaged);
    await expect(createPersistentApp(path)).rejects.toThrow(/damaged at line 2 .* left untouched/);
    expect(readFileSync(journal, 'utf8')).toBe(damaged);
  });

  it('removes a temporary file left by an interrupted snapshot write', async () => {
    const path = dataPath();
    await open(path);
    const temp = join(path, '..', '.state.json.tmp');
    writeFileSync(temp, '{"format": "fluent-sim", "vers');
    await open(path);
    expect(existsSync(temp)).toBe(false);
  });
});

describe('--data when the disk refuses a write', () => {
  const diskFull = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  it('answers 503 in the platform shape, rolls back, and is unhealthy until the disk works', async () => {
    const path = dataPath();
    let full = false;
    const p = await open(path, { writeFault: () => (full ? diskFull() : undefined) });
    const token = await tokenOf(p);
    expect((await createOrder(p, token, 'OK-1')).status).toBe(200);

    full = true;
    const refused = await createOrder(p, token, 'LOST-1');
    expect(refused.status).toBe(503);
    // Engine work the first order left behind may hit the full disk first: then this request is
    // refused because of that failed write, or while its roll-back runs. Either way: 503, rolled back.
    expect(refused.body).toEqual({
      errors: [{ code: '503', message: expect.stringMatching(/could not be saved .*(ENOSPC|being read back|a concurrent write failed).* rolled back/) }],
    });
    const health = await request(p.app).get('/_sim/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'DOWN', reason: expect.stringMatching(/ENOSPC/) });

    full = false;
    await expect.poll(async () => (await request(p.app).get('/_sim/health')).status).toBe(200);
    expect(await orderExists(p, token, 'OK-1')).toBe(true);
    expect(await orderExists(p, token, 'LOST-1')).toBe(false);
    expect((await createOrder(p, token, 'OK-2')).status).toBe(200);

    const restarted = await open(path);
    expect(await orderExists(restarted, token, 'OK-1')).toBe(true);
    expect(await orderExists(restarted, token, 'OK-2')).toBe(true);
    expect(await orderExists(restarted, token, 'LOST-1')).toBe(false);
  });

  it('answers a GraphQL query sent by POST while the disk is full; a mutation still gets 503', async () => {
    const path = dataPath();
    let full = false;
    const p = await open(path, { writeFault: () => (full ? diskFull() : undefined) });
    const token = await tokenOf(p);
    const account = p.sim.accounts.values().next().value!;
    expect((await createOrder(p, token, 'OK-1')).status).toBe(200);
    // The engine's work after that answer is written before the disk fills (no background change
    // may land while the query below runs: it would be a write of its own, refused with 503).
    await account.orchestration!.engine.drain();
    await p.persistence.commit();
    full = true;
    expect((await createOrder(p, token, 'LOST-1')).status).toBe(503);
    expect(p.persistence.health().healthy).toBe(false);
    // Work done after an answer (here the clock moving) waits to be written while the disk is
    // full; a query must not carry it into a write of its own.
    await account.clock.advance(60_000);
    await account.orchestration!.engine.drain();

    const query = await request(p.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: '{ orders(first: 10) { edges { node { ref } } } }' });
    expect(query.status).toBe(200);
    expect(query.body.data.orders.edges.map((e: { node: { ref: string } }) => e.node.ref)).toEqual(['OK-1']);

    const mutation = await createOrder(p, token, 'LOST-2');
    expect(mutation.status).toBe(503);
    expect(mutation.body.errors[0].code).toBe('503');
    full = false;
    await expect.poll(async () => (await request(p.app).get('/_sim/health')).status).toBe(200);
    expect(await orderExists(p, token, 'LOST-2')).toBe(false);
    expect(await orderExists(p, token, 'OK-1')).toBe(true);
  });

  it('loses no acknowledged write when the disk fills up under concurrent writes', async () => {
    const path = dataPath();
    let writes = 0;
    // The disk fills after a few lines and stays full.
    const p = await open(path, { writeFault: () => (++writes > 3 ? diskFull() : undefined) });
    const token = await tokenOf(p);
    const refs = Array.from({ length: 30 }, (_, i) => `FULL-${i}`);
    const answers = await Promise.all(refs.map((ref) => createOrder(p, token, ref)));
    const acknowledged = refs.filter((_, i) => answers[i]!.status === 200);
    const refused = refs.filter((_, i) => answers[i]!.status === 503);
    expect(acknowledged.length + refused.length).toBe(refs.length);
    expect(refused.length).toBeGreaterThan(0);

    const restarted = await open(path);
    const missing: string[] = [];
    for (const ref of acknowledged) if (!(await orderExists(restarted, token, ref))) missing.push(ref);
    expect(missing).toEqual([]);
    for (const ref of refused) expect(await orderExists(restarted, token, ref)).toBe(false);
  });
});

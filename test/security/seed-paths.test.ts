import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 16 #1: `POST /_sim/accounts {"seed": PATH}` read any file on disk and echoed it in errors.
describe('POST /_sim/accounts seeds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it.each(['/etc/passwd', '/proc/self/environ', '/dev/zero', '../../../../etc/hostname', './seeds/default.json', 'seeds/default'])(
    'refuses the path %s with a 400 that echoes nothing of the file',
    async (path) => {
      const res = await request(t.app).post('/_sim/accounts').send({ seed: path });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('400');
      expect(res.text).not.toMatch(/root:|PATH=|HOME=/);
      expect(res.body.errors[0].message).toContain('command line');
      expect(t.sim.accounts.size).toBe(1);
    },
  );

  it('refuses the large profile over HTTP', async () => {
    expect((await request(t.app).post('/_sim/accounts').send({ seed: 'large' })).status).toBe(400);
  });

  it('accepts a profile name', async () => {
    const res = await request(t.app).post('/_sim/accounts').send({ id: 'PROFILE_NONE', seed: 'none' });
    expect(res.status).toBe(201);
    expect(t.sim.accounts.has('PROFILE_NONE')).toBe(true);
  });

  it('accepts a seed document and runs its steps through the API code', async () => {
    const seed = {
      steps: [
        { mutation: 'createRetailer', input: { name: 'DOC', tradingName: 'Doc' }, as: 'retailer' },
        { mutation: 'createCarrier', input: { ref: 'DOC_CARRIER', name: 'Doc carrier', type: 'STANDARD', retailer: { id: '$retailer.id' } } },
      ],
    };
    const res = await request(t.app).post('/_sim/accounts').send({ id: 'SEED_DOC', seed });
    expect(res.status).toBe(201);
    const account = t.sim.accounts.get('SEED_DOC')!;
    expect(account.entities.findByKey(account.view, 'Carrier', { ref: 'DOC_CARRIER' })).toBeTruthy();
  });

  it('answers a failing seed document with a 400 naming the step, and creates no account', async () => {
    const seed = { steps: [{ mutation: 'createCarrier', input: { ref: 'X', name: 'X', type: 'STANDARD', retailer: { id: '999' } } }] };
    const res = await request(t.app).post('/_sim/accounts').send({ id: 'SEED_BAD', seed });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/steps\/0 \(createCarrier\)/);
    expect(t.sim.accounts.has('SEED_BAD')).toBe(false);
  });

  it('answers a seed document over --max-seed-entries with 413', async () => {
    const small = await createTestApp({ maxSeedEntries: 2 });
    const steps = Array.from({ length: 3 }, (_, i) => ({ mutation: 'createRetailer', input: { name: `R${i}` } }));
    const res = await request(small.app).post('/_sim/accounts').send({ seed: { steps } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].code).toBe('413');
  });

  it('caps the number of accounts', async () => {
    const capped = await createTestApp({ maxAccounts: 2 });
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        request(capped.app)
          .post('/_sim/accounts')
          .send({ id: `CAP_${i}`, seed: 'none' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(capped.sim.accounts.size).toBe(2);
  });
});

describe('concurrent account creation', () => {
  it('gives one account for two requests with the same id, even while the first still seeds', async () => {
    const t = await createTestApp();
    const steps = Array.from({ length: 500 }, (_, i) => ({ mutation: 'createRetailer', input: { name: `R${i}`, tradingName: `R${i}` } }));
    const results = await Promise.all([
      request(t.app).post('/_sim/accounts').send({ id: 'SAME_ID', seed: { steps } }),
      request(t.app).post('/_sim/accounts').send({ id: 'SAME_ID', seed: 'none' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect([...t.sim.accounts.keys()]).toEqual(['LOCAL', 'SAME_ID']);
  });
});

/**
 * A quiet seed (`applySeed(..., { quiet: true })`, what the `large` profile uses): the CREATE
 * events its steps raise, and the events those raise, keep their ORCHESTRATION records and leave
 * no audits; the same step run loudly leaves its audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../server/account.js';
import { applySeed } from '../../server/seed/load-seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const productStep = (ref: string) => ({
  mutation: 'createStandardProduct',
  input: { ref, catalogue: { ref: 'PC:MASTER:1' }, type: 'STANDARD', name: ref, gtin: `GTIN-${ref}` },
});

describe('quiet seed steps', () => {
  let t: TestApp;
  let account: Account;

  beforeAll(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get('LOCAL')!;
  });
  afterAll(() => t.sim.close());

  const trailOf = async (ref: string, quiet: boolean) => {
    await applySeed(account, { steps: [productStep(ref)] }, 'test-seed', { quiet });
    await account.orchestration!.engine.drain();
    const { events } = account.orchestration!;
    const [create] = events.search({ name: ['CREATE'], 'context.entityRef': [ref], eventType: ['ORCHESTRATION'] }).results;
    const audits = create ? events.search({ 'context.sourceEvents': [create.id], eventType: ['ORCHESTRATION_AUDIT'], count: 5000 }).results : [];
    return { create, audits, status: account.entities.findByKey(account.view, 'StandardProduct', { ref })?.['status'] };
  };

  it('keeps the CREATE event without audits, and the workflow still runs', async () => {
    const quiet = await trailOf('QUIET-1', true);
    expect(quiet.create?.eventStatus).toBe('COMPLETE');
    expect(quiet.audits).toEqual([]);
    const loud = await trailOf('LOUD-1', false);
    expect(loud.create?.eventStatus).toBe('COMPLETE');
    expect(loud.audits.length).toBeGreaterThan(0);
    // The product workflow ran the same either way.
    expect(quiet.status).toBe(loud.status);
  });
});

/**
 * Simulator-only state controls (design §1, issue "test and dev ergonomics"):
 * - `GET/POST /_sim/clock`: read, freeze, unfreeze, set or advance the account's virtual clock;
 *   advancing runs what became due (scheduled events, webhook retries, job closing) in order.
 * - `POST /_sim/reset`: the account back to its seed.
 * - `GET/POST /_sim/snapshots`, `POST /_sim/snapshots/:name/restore`, `DELETE /_sim/snapshots/:name`.
 * - `GET/POST /_sim/accounts`: tenants; a new account comes with its own credentials.
 * Each acts on the account chosen by `simAccountOf` (bearer token, `x-fluent-sim-account`, or the
 * default); the accounts routes act on the whole simulator and need control access.
 */
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { SimError } from '../../domain/errors.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import type { Simulator } from '../../simulator.js';
import { simAccountOf } from '../account-of.js';
import { parseAccountBody } from '../parse-account-body.js';
import { requireControl } from '../middleware/control-access.js';

const ClockBody = z.union([
  z.object({ freeze: z.boolean() }).strict(),
  z.object({ set: z.string().datetime({ offset: true }) }).strict(),
  z.object({ advance: z.string().min(2) }).strict(),
]);

const SnapshotBody = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.:-]+$/, 'letters, digits, _ . : -'),
  })
  .strict();

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new SimError('VALIDATION_FAILED', `${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function createSimStateRouter(sim: Simulator): Router {
  const router = Router();
  const clockJson = (now: Date, frozen: boolean) => ({ now: now.toISOString(), frozen });

  router.get('/_sim/clock', (req, res) => {
    const { clock } = simAccountOf(sim, req);
    res.json(clockJson(clock.now(), clock.isFrozen()));
  });
  router.post('/_sim/clock', async (req, res) => {
    const account = simAccountOf(sim, req);
    const body = parseBody(ClockBody, req.body, 'POST /_sim/clock expects {"freeze": bool}, {"set": ISO instant} or {"advance": ISO-8601 duration}');
    if ('freeze' in body) {
      if (body.freeze) account.clock.freeze();
      else account.clock.unfreeze();
    } else if ('set' in body) {
      await account.clock.set(new Date(body.set));
    } else {
      const ms = parseIsoDuration(body.advance);
      if (ms === undefined) throw new SimError('VALIDATION_FAILED', `"${body.advance}" is not an ISO-8601 duration such as PT1H, P2D or PT0.5S`);
      // JavaScript dates end at ±8.64e15 ms (year 275760).
      if (account.clock.nowMs() + ms > 8.64e15)
        throw new SimError('VALIDATION_FAILED', `advancing by "${body.advance}" goes past the last instant a date can hold`);
      await account.clock.advance(ms);
    }
    await account.orchestration?.engine.drain();
    res.json(clockJson(account.clock.now(), account.clock.isFrozen()));
  });

  router.post('/_sim/reset', async (req, res) => {
    const account = simAccountOf(sim, req);
    await sim.reset(account);
    res.json({ account: account.id, reset: true });
  });

  router.get('/_sim/snapshots', (req, res) => {
    const account = simAccountOf(sim, req);
    res.json({ account: account.id, snapshots: sim.listSnapshots(account) });
  });
  router.post('/_sim/snapshots', async (req, res) => {
    const account = simAccountOf(sim, req);
    const { name } = parseBody(SnapshotBody, req.body, 'POST /_sim/snapshots expects {"name": "…"}');
    res.status(201).json(await sim.snapshot(account, name));
  });
  router.post('/_sim/snapshots/:name/restore', async (req, res) => {
    const account = simAccountOf(sim, req);
    await sim.restore(account, req.params.name);
    res.json({ name: req.params.name, restored: true });
  });
  router.delete('/_sim/snapshots/:name', (req, res) => {
    const account = simAccountOf(sim, req);
    sim.deleteSnapshot(account, req.params.name);
    res.status(204).end();
  });

  router.get('/_sim/accounts', (req, res) => {
    requireControl(req);
    res.json({ accounts: [...sim.specs.values()].map(({ id, clientId, username, retailerId }) => ({ id, clientId, username, retailerId })) });
  });
  let creating = 0;
  router.post('/_sim/accounts', async (req, res) => {
    requireControl(req);
    const body = parseAccountBody(req.body, sim.config.maxSeedEntries);
    // Counted before seeding starts, so concurrent requests cannot all slip under the cap.
    if (sim.accounts.size + creating >= sim.config.maxAccounts) {
      throw new SimError('CONFLICT', `This simulator holds its maximum of ${sim.config.maxAccounts} accounts (--max-accounts)`);
    }
    const id = body.id ?? `ACCOUNT_${sim.accounts.size + 1}_${randomBytes(3).toString('hex').toUpperCase()}`;
    const spec = {
      id,
      clientId: id,
      clientSecret: randomBytes(12).toString('hex'),
      username: 'admin',
      password: randomBytes(9).toString('base64url'),
      retailerId: '1',
      seed: body.seed ?? sim.config.seed,
    };
    creating += 1;
    try {
      await sim.createAccount(spec);
    } catch (error) {
      // A seed document is the request's: its faults are the client's, not a start-up failure.
      if (error instanceof SimError && error.code === 'CONFIG_INVALID' && typeof spec.seed === 'object') throw new SimError('VALIDATION_FAILED', error.message);
      throw error;
    } finally {
      creating -= 1;
    }
    res.status(201).json({
      accountId: id,
      clientId: spec.clientId,
      clientSecret: spec.clientSecret,
      username: spec.username,
      password: spec.password,
      retailerId: spec.retailerId,
    });
  });
  return router;
}

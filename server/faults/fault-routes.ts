/**
 * `/_sim/faults` (docs/fault-injection.md): list, add and clear the account's faults. The account
 * is chosen as for every `/_sim` route (`simAccountOf`).
 */
import { Router } from 'express';
import { SimError } from '../domain/errors.js';
import { simAccountOf } from '../http/account-of.js';
import type { Simulator } from '../simulator.js';

export function createFaultRouter(sim: Simulator): Router {
  const router = Router();
  router.get('/_sim/faults', (req, res) => {
    const account = simAccountOf(sim, req);
    res.json({ account: account.id, faults: sim.faults.list(account.id) });
  });
  router.post('/_sim/faults', (req, res) => {
    const account = simAccountOf(sim, req);
    const inputs: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    if (inputs.length === 0) throw new SimError('VALIDATION_FAILED', 'POST /_sim/faults expects a fault object or a list of them');
    const added = inputs.map((input) => sim.faults.add(account.id, input));
    res.status(201).json({ account: account.id, faults: added });
  });
  router.delete('/_sim/faults', (req, res) => {
    const account = simAccountOf(sim, req);
    res.json({ account: account.id, cleared: sim.faults.clear(account.id) });
  });
  router.delete('/_sim/faults/:id', (req, res) => {
    const account = simAccountOf(sim, req);
    if (sim.faults.clear(account.id, req.params.id) === 0)
      throw new SimError('NOT_FOUND', `No fault "${req.params.id}" in account ${account.id}; GET /_sim/faults lists them`);
    res.status(204).end();
  });
  return router;
}

/**
 * The simulator-only control plane under `/_sim/` (design §1): health and the information a
 * developer needs to connect. Never mimics the platform.
 */
import { Router } from 'express';
import type { Simulator } from '../../simulator.js';

export function createSimRouter(sim: Simulator, version: string): Router {
  const router = Router();
  router.get('/_sim/health', (_req, res) => {
    res.json({ status: 'UP', version, accounts: [...sim.accounts.keys()] });
  });
  return router;
}

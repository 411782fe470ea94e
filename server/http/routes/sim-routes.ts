/**
 * The simulator-only control plane under `/_sim/` (design §1): health and the information a
 * developer needs to connect. Never mimics the platform.
 */
import { Router } from 'express';
import type { Simulator } from '../../simulator.js';
import { hasControl } from '../middleware/control-access.js';

export function createSimRouter(sim: Simulator, version: string): Router {
  const router = Router();
  router.get('/_sim/health', (req, res) => {
    // Tenant ids are for the control plane only.
    res.json({ status: 'UP', version, ...(hasControl(req) ? { accounts: [...sim.accounts.keys()] } : {}) });
  });
  return router;
}

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
    // Tenant ids and their event-log sizes (what --event-retention bounds) are for the control plane only.
    if (!hasControl(req)) {
      res.json({ status: 'UP', version });
      return;
    }
    const eventLogs = Object.fromEntries([...sim.accounts].map(([id, account]) => [id, account.orchestration?.events.stats() ?? null]));
    res.json({ status: 'UP', version, accounts: [...sim.accounts.keys()], eventLogs });
  });
  return router;
}

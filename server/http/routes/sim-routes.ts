/**
 * The simulator-only control plane under `/_sim/` (design §1): health and the information a
 * developer needs to connect. Never mimics the platform.
 */
import { Router } from 'express';
import type { Simulator } from '../../simulator.js';

export function createSimRouter(sim: Simulator, version: string): Router {
  const router = Router();
  router.get('/_sim/health', (_req, res) => {
    // The event log's size per account: what the retention (--event-retention) keeps bounded.
    const eventLogs = Object.fromEntries([...sim.accounts].map(([id, account]) => [id, account.orchestration?.events.stats() ?? null]));
    res.json({ status: 'UP', version, accounts: [...sim.accounts.keys()], eventLogs });
  });
  return router;
}

/**
 * A simulator with `--data` persistence in process, as start.ts wires it (read the data file,
 * build the simulator, restore, start the journal, hold answers until written), for HTTP tests
 * through supertest. `writeFault` injects disk errors.
 */
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { createLogger } from '../../server/lib/logger.js';
import { createCommitMiddleware } from '../../server/persistence/commit-middleware.js';
import { restoreDocument, sharedPartsOf } from '../../server/persistence/data-document.js';
import { loadData } from '../../server/persistence/load-data.js';
import { startPersistence, type Persistence } from '../../server/persistence/persistence.js';
import { createSimulator, type Simulator } from '../../server/simulator.js';
import { TEST_START } from './test-app.js';

export type PersistentApp = { sim: Simulator; app: Express; persistence: Persistence; warnings: string[] };

export async function createPersistentApp(path: string, options: { writeFault?: () => Error | undefined; seed?: string } = {}): Promise<PersistentApp> {
  const warnings: string[] = [];
  const loaded = await loadData(path, (m) => warnings.push(m));
  const stored = loaded.doc?.shared['webhookKeys'] as { privateKeyPem?: string } | undefined;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent', seed: options.seed ?? 'default' }), {
    createClock: () => createClock({ start: TEST_START, frozen: true }),
    createIds: () => createIds({ deterministicUuids: true }),
    ...(stored?.privateKeyPem ? { storedWebhookKeyPem: stored.privateKeyPem } : {}),
  });
  const shared = sharedPartsOf(sim);
  if (loaded.doc) await restoreDocument(sim, loaded.doc, shared);
  const persistence = await startPersistence(sim, path, shared, loaded.generation, {
    logger: createLogger('silent'),
    fsync: false,
    intervalMs: 20,
    snapshotAtStart: !loaded.doc || loaded.replayed > 0,
    ...(options.writeFault ? { writeFault: options.writeFault } : {}),
  });
  const app = createApp(sim, { before: [createCommitMiddleware(persistence)] });
  return { sim, app, persistence, warnings };
}

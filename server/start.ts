/**
 * `fluent-sim start`: validate the configuration, open the data file, build the simulator and
 * its app, listen, print how to connect, and shut down cleanly on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from './http/middleware/control-access.js';
import { createHttpServer } from './http/server-limits.js';
import { deferredApp } from './http/deferred-app.js';
import { loadConfig } from './config.js';
import { propertyOf } from './lib/guards.js';
import { createLogger } from './lib/logger.js';
import { createCommitMiddleware } from './persistence/commit-middleware.js';
import { restoreDocument, sharedPartsOf } from './persistence/data-document.js';
import { loadData } from './persistence/load-data.js';
import { startPersistence, type Persistence } from './persistence/persistence.js';
import { loadFaultFile } from './faults/load-fault-file.js';
import { createSimulator, type Simulator } from './simulator.js';
import { describeSkipped } from './orchestration/unknown-rules.js';
import type { Logger } from './lib/logger.js';

/** A SIGTERM/SIGINT exits within this (ms). */
const STOP_DEADLINE_MS = 1800;

export async function start(raw: Record<string, unknown>, version: string): Promise<void> {
  const config = loadConfig(raw);
  const logger = createLogger(config.logLevel);
  // Read (and check) the data file before anything else, so a damaged file stops the start.
  const loaded = config.data ? await loadData(config.data, (m) => logger.warn(m)) : undefined;
  const storedPem = propertyOf(loaded?.doc?.shared['webhookKeys'], 'privateKeyPem');
  const sim = await createSimulator(config, {
    ...(typeof storedPem === 'string' && storedPem ? { storedWebhookKeyPem: storedPem } : {}),
    onFault: (fault, detail) =>
      logger.warn(
        { fault: fault.id, account: fault.account, type: fault.type, detail, fired: fault.fired, remaining: fault.remaining },
        `injected fault ${fault.id} fired: ${detail}`,
      ),
    onSeedProgress: (done, total) => logger.info({ done, total, seed: config.seed }, `loading seed ${config.seed}: ${Math.round((done / total) * 100)} %`),
  });
  logUnknownRules(sim, config.account, logger);
  if (config.faults) loadFaultFile(sim, config.faults);
  const shared = sharedPartsOf(sim);
  let persistence: Persistence | undefined;
  if (config.data && loaded) {
    if (loaded.doc) await restoreDocument(sim, loaded.doc, shared);
    if (loaded.replayed > 0) logger.info({ data: config.data, lines: loaded.replayed }, 'replayed the journal on top of the snapshot');
    persistence = await startPersistence(sim, config.data, shared, loaded.generation, {
      logger,
      fsync: config.dataFsync,
      snapshotAtStart: !loaded.doc || loaded.replayed > 0,
    });
  }
  // Off loopback, /_sim/* needs a control token: the configured one, else a fresh one printed below.
  const controlToken = config.controlToken ?? (isLoopbackHost(config.host) ? undefined : randomBytes(24).toString('base64url'));
  // express and the routers are evaluated and built right after the "listening on" line; a
  // request that comes first waits for them (http/deferred-app.ts, docs/decisions.md).
  const app = deferredApp(
    async () =>
      (await import('./app.js')).createApp(sim, {
        version,
        logger,
        log: (m, e) => logger.error({ err: e }, m),
        before: persistence ? [createCommitMiddleware(persistence)] : [],
        ...(controlToken ? { controlToken } : {}),
      }),
    (error) => {
      logger.fatal({ err: error }, 'the HTTP app could not be built');
      process.exitCode = 1;
      shutdown('the HTTP app failing');
    },
  );
  // Handlers go in before listening: a signal right after start must still exit cleanly.
  let server: Server | undefined;
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // `docker stop` waits 10 s; exit within 2 s whatever is still running (the journal already
    // holds every acknowledged change, so stopping short loses nothing).
    setTimeout(() => process.exit(), STOP_DEADLINE_MS).unref();
    server?.close();
    server?.closeAllConnections();
    void (persistence?.stop(STOP_DEADLINE_MS - 300) ?? Promise.resolve()).then(() => sim.close()).then(() => process.exit());
  };
  // A request must never take the process down: background work that fails is logged instead.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection in background work'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  server = createHttpServer(app.listener, config).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server!.once('listening', resolve);
    server!.once('error', reject);
  });
  // Listening on a host and port, never a pipe: address() answers an AddressInfo, not a string.
  const { port } = server.address() as AddressInfo;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const base = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  if (config.logLevel !== 'silent') {
    console.log(
      [
        `fluent-sim ${version} listening on ${base}`,
        `  account ${config.account}  client_id=${config.clientId}  client_secret=${config.clientSecret}`,
        `  user    ${config.username} / ${config.password}  (retailer ${config.retailerId})`,
        `  token   curl -X POST '${base}/oauth/token?grant_type=password&scope=api&client_id=${config.clientId}&client_secret=${config.clientSecret}&username=${config.username}&password=${config.password}'`,
        `  console ${base}/console/  (entities, event timelines, webhooks, clock)`,
        `  GraphQL ${base}/graphql  (GraphiQL in a browser)`,
        `  health  ${base}/_sim/health`,
        `  webhooks signed with the key at ${base}/_sim/webhooks/public-key (outbox: ${base}/_sim/webhooks)`,
        `  data    ${config.data ?? 'in memory (use --data FILE to persist)'}`,
        controlToken
          ? `  control /_sim/* needs the header x-fluent-sim-control-token: ${controlToken}`
          : `  control /_sim/* open on this loopback address (set --control-token to require one)`,
        `  webhook public key (verifies fluent-signature and flex.signature):`,
        sim.webhookKeys.publicKeyPem.trimEnd(),
      ].join('\n'),
    );
  }

  try {
    await app.build();
  } catch {
    return; // logged, and the process stops (above)
  }
  logger.info({ url: base, account: config.account, data: config.data ?? null }, 'fluent-sim ready');
}

/** Under `--unknown-rules skip`: which loaded workflows have rules that will run as no-ops (issue 10). */
function logUnknownRules(sim: Simulator, accountId: string, logger: Logger): void {
  for (const compiled of sim.accounts.get(accountId)?.orchestration?.loaded ?? []) {
    const report = compiled.unknownRules;
    if (report.count === 0) continue;
    logger.warn(
      { workflow: compiled.name, version: compiled.version, rules: report.count, names: report.names.map((entry) => entry.name) },
      describeSkipped(report),
    );
  }
}

/**
 * Keeps the data file in step with the simulator. Every request that may write is answered only
 * after the state it produced is on disk (so an acknowledged write survives `kill -9`); work the
 * engine does after answering is flushed shortly after, and once more at shutdown.
 */
import type { RequestHandler } from 'express';
import type { Simulator } from '../simulator.js';
import { captureAccount, restoreAccount } from '../state/account-state.js';
import { DATA_FORMAT, DATA_VERSION, type DataDocument, type DataFile } from './data-file.js';

export type SharedPart = { toJSON(): unknown; restore(data: unknown): void };

export type Persistence = {
  /** Writes the current state if it changed (or always, with `force`); calls are serialised. */
  flush(force?: boolean): Promise<void>;
  /** Express middleware: delays the response of writing requests until their state is saved. */
  middleware: RequestHandler;
  /** Background flushes for engine work done after a response (real-time interval). */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export async function restoreFromDataFile(sim: Simulator, file: DataFile, shared: Record<string, SharedPart>): Promise<void> {
  const doc = file.initial;
  if (!doc) return;
  for (const [name, part] of Object.entries(shared)) if (name in doc.shared) part.restore(doc.shared[name]);
  for (const persisted of doc.accounts) {
    const account = sim.accounts.get(persisted.spec.id) ?? (await sim.createAccount(persisted.spec));
    restoreAccount(account, persisted.state);
    await account.clock.set(new Date(persisted.clock.now));
    if (persisted.clock.frozen) account.clock.freeze();
  }
}

export function createPersistence(sim: Simulator, file: DataFile, shared: Record<string, SharedPart>): Persistence {
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let written = '';
  /** Changes whenever entities, events or queued work change. */
  const fingerprint = (): string =>
    [...sim.accounts.values()]
      .map((a) => `${a.id}:${a.store.version}:${a.orchestration?.events.size() ?? 0}:${JSON.stringify(a.orchestration?.engine.stats() ?? {})}:${a.clock.nowMs()}`)
      .join('|') + `|${sim.snapshots.size}`;

  const snapshot = (): DataDocument => ({
    format: DATA_FORMAT,
    version: DATA_VERSION,
    savedOn: new Date().toISOString(),
    accounts: [...sim.accounts.values()].map((account) => ({
      spec: sim.specs.get(account.id)!,
      state: captureAccount(account),
      clock: { now: account.clock.now().toISOString(), frozen: account.clock.isFrozen() },
    })),
    shared: Object.fromEntries(Object.entries(shared).map(([name, part]) => [name, part.toJSON()])),
  });

  const flush = (force = false): Promise<void> => {
    chain = chain.then(async () => {
      const now = fingerprint();
      if (!force && now === written) return;
      await file.write(snapshot());
      written = now;
    });
    return chain;
  };

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    // Hold the whole response (head, body chunks, end) until the state this request produced is
    // on disk: a client must never see an answer for a write that a crash could still lose.
    const held: (() => void)[] = [];
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => typeof res;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      held.push(() => writeHead(...args));
      return res;
    }) as typeof res.writeHead;
    res.write = ((...args: unknown[]) => {
      held.push(() => write(...args));
      return true;
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      const release = (): void => {
        // Node calls writeHead/write itself inside end(); they must be the real ones again.
        res.writeHead = writeHead as typeof res.writeHead;
        res.write = write as typeof res.write;
        res.end = end as typeof res.end;
        for (const step of held) step();
        end(...args);
      };
      flush(true).then(release, (error: unknown) => {
        console.error('[fluent-sim] could not write the data file', error);
        release();
      });
      return res;
    }) as typeof res.end;
    next();
  };

  return {
    flush,
    middleware,
    start(intervalMs = 500) {
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

/**
 * Keeps `--data FILE` in step with the simulator (docs/persistence.md): a snapshot plus journals
 * of committed changes. `commit()` writes what changed since the last line as one journal line
 * (requests that end together share it); a request is answered only after its line is written.
 * Engine work done after an answer is written by a background tick; nothing changed, nothing is
 * written. A journal that grew past the snapshot's size is folded into a new snapshot in the
 * background, and once more at a graceful stop.
 *
 * A write that fails rolls the live state back to what is on disk and fails the requests that
 * waited for it; the server reports itself unhealthy until a write works again.
 */
import { existsSync, statSync } from 'node:fs';
import type { Logger } from '../lib/logger.js';
import type { Simulator } from '../simulator.js';
import { ChangeTracker } from './change-tracker.js';
import { captureDocument, restoreDocument, type SharedPart } from './data-document.js';
import { JournalWriter, journalPathOf, removeJournalsBefore } from './journal.js';
import { loadData } from './load-data.js';
import { writeSnapshot } from './snapshot-writer.js';

export type PersistenceOptions = {
  logger: Logger;
  /** fsync each journal line (survives power loss) instead of handing it to the OS (survives kill -9). */
  fsync: boolean;
  /** Fault injection for the disk (tests, `/_sim/faults`). */
  writeFault?: () => Error | undefined;
  /** Background tick in ms (engine work after answers; health probe). @default 200 */
  intervalMs?: number;
  /** A journal at least this big is folded into the snapshot. @default 8 MiB */
  minCompactBytes?: number;
  /** Write a snapshot before anything else (a new file, or a journal replayed). @default true */
  snapshotAtStart?: boolean;
};

export type PersistenceHealth = { healthy: true } | { healthy: false; since: string; reason: string };

export type Persistence = {
  /** Writes every pending change; rejects (after rolling back) when the disk refused it. */
  commit(): Promise<void>;
  health(): PersistenceHealth;
  /** Moves whenever the live state gains a change to write (ChangeTracker.fingerprint). */
  fingerprint(): string;
  /** Increases when a roll-back starts and when it ends: a request that saw it change may have lost its changes. */
  rollbacks(): number;
  /** A roll-back is under way: new writes are refused until it ends. */
  rollingBack(): boolean;
  /** Folds the journal into a new snapshot. */
  compact(): Promise<void>;
  /** Writes what is pending, folds the journal if time allows, and closes the files. */
  stop(deadlineMs?: number): Promise<void>;
};

export async function startPersistence(
  sim: Simulator,
  path: string,
  shared: Record<string, SharedPart>,
  generation: number,
  options: PersistenceOptions,
): Promise<Persistence> {
  const { logger } = options;
  const faults = options.writeFault ? { writeFault: options.writeFault } : {};
  const tracker = new ChangeTracker(sim);
  let writer: JournalWriter | undefined;
  let snapshotBytes = existsSync(path) ? statSync(path).size : 0;
  let health: PersistenceHealth = { healthy: true };
  let rollbacks = 0;
  let rollingBack = false;
  let chain: Promise<unknown> = Promise.resolve();
  let compacting: Promise<void> | undefined;
  let stopped = false;

  /** Runs `step` after every step queued before it (one writer at a time). */
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const run = chain.then(step);
    chain = run.catch(() => undefined);
    return run;
  };

  /** Step 1 of a compaction: new lines go to the next generation's journal from here on. */
  async function rotate(): Promise<{ doc: ReturnType<typeof captureDocument>; previous: JournalWriter | undefined }> {
    generation += 1;
    const next = await JournalWriter.create(journalPathOf(path, generation), generation, { fsync: options.fsync, ...faults });
    const previous = writer;
    writer = next;
    return { doc: captureDocument(sim, shared, generation), previous };
  }

  async function compact(): Promise<void> {
    // Step 1, in line with commits: everything before is in the old journals, everything after
    // goes to the new one (changes caught by both are written twice; replaying them is harmless).
    const { doc, previous } = await serial(async () => {
      await writeLine();
      return rotate();
    });
    // Step 2: the snapshot, in slices; step 3: the journals it made obsolete.
    snapshotBytes = await writeSnapshot(path, doc, faults);
    await previous?.close();
    removeJournalsBefore(path, generation);
  }

  async function writeLine(): Promise<void> {
    const ops = tracker.collect();
    if (ops.length === 0 || !writer) return;
    try {
      await writer.append(JSON.stringify({ ops }));
    } catch (error) {
      await rollBack(error);
      throw error;
    }
    if (!health.healthy) {
      logger.warn({ data: path }, 'the data file is writable again: healthy');
      health = { healthy: true };
    }
    if (!compacting && !stopped && writer.size > Math.max(options.minCompactBytes ?? 8 << 20, snapshotBytes)) {
      compacting = compact()
        .catch((error: unknown) =>
          logger.error({ err: error, data: path }, 'could not fold the journal into a new snapshot (the journal still holds every change)'),
        )
        .finally(() => (compacting = undefined));
    }
  }

  /** Puts the live state back to what is on disk; the changes that could not be written are lost. */
  async function rollBack(cause: unknown): Promise<void> {
    rollbacks += 1;
    rollingBack = true;
    const reason = cause instanceof Error ? cause.message : String(cause);
    health = { healthy: false, since: new Date().toISOString(), reason };
    logger.error({ err: cause, data: path }, 'could not write the data file: changes rolled back, unhealthy until a write succeeds');
    try {
      const loaded = await loadData(path, (m) => logger.warn(m));
      if (loaded.doc) {
        const doc = loaded.doc;
        await tracker.muteWhile(() => restoreDocument(sim, doc, shared, { dropOthers: true }));
      }
    } catch (error) {
      logger.error({ err: error, data: path }, 'could not read the data file back: the live state holds changes that are not on disk');
    } finally {
      rollbacks += 1;
      rollingBack = false;
    }
  }

  /** While unhealthy: cutting the journal back to its last complete line is the probe. */
  async function probe(): Promise<void> {
    try {
      await writer?.repair();
    } catch {
      return; // Still failing: the next tick tries again.
    }
    logger.warn({ data: path }, 'the data file is writable again: healthy');
    health = { healthy: true };
    await writeLine().catch(() => undefined);
  }

  // The start: a new file, or one whose journal had lines, gets a fresh snapshot; otherwise the
  // snapshot on disk stays, and new lines go to a journal of the next generation.
  if (options.snapshotAtStart ?? true) await compact();
  else {
    generation += 1;
    writer = await JournalWriter.create(journalPathOf(path, generation), generation, { fsync: options.fsync, ...faults });
  }
  const timer = setInterval(() => {
    if (stopped) return;
    void serial(() => (health.healthy ? writeLine() : probe())).catch(() => undefined);
  }, options.intervalMs ?? 200);
  timer.unref();

  return {
    commit: () => serial(writeLine),
    health: () => health,
    fingerprint: () => tracker.fingerprint(),
    rollbacks: () => rollbacks,
    rollingBack: () => rollingBack,
    compact,
    async stop(deadlineMs = 1500) {
      stopped = true;
      clearInterval(timer);
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
      const work = (async () => {
        await compacting;
        await serial(writeLine);
        // The journal already holds everything: folding it is a courtesy to the next start.
        if (writer && writer.size > 100) await compact();
        await writer?.close();
      })().catch((error: unknown) => logger.error({ err: error, data: path }, 'could not finish writing the data file at stop'));
      await Promise.race([work, deadline]);
    },
  };
}

/**
 * The `--data FILE` snapshot: the simulator's whole state as one JSON document, read with lowdb's
 * `JSONFile` adapter (chosen explicitly: lowdb's `JSONFilePreset` silently switches to memory
 * under `NODE_ENV=test`, style §9) and written by `snapshot-writer.ts` (temporary file, fsync,
 * rename). Changes made after the snapshot are in the journal beside it (`journal.ts`).
 *
 * A file that is not valid JSON, or not a fluent-sim data file of this version, is refused at
 * start and never overwritten.
 */
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { SimError } from '../domain/errors.js';
import type { AccountSpec } from '../simulator.js';
import type { AccountSnapshot } from '../state/account-state.js';
import { errorMessage, isRecord } from '../lib/guards.js';

export const DATA_FORMAT = 'fluent-sim';
export const DATA_VERSION = 1;

/**
 * The virtual clock: `now` when saved; `savedAt` (wall-clock epoch ms) lets a running clock keep
 * its offset from the wall clock across a restart.
 */
export type PersistedClock = { now: string; frozen: boolean; savedAt?: number };

export type PersistedAccount = { spec: AccountSpec; state: AccountSnapshot; clock: PersistedClock };

export type DataDocument = {
  format: typeof DATA_FORMAT;
  version: typeof DATA_VERSION;
  savedOn: string;
  /** Journals of this generation or later apply on top of this snapshot (absent: 0). */
  generation?: number;
  accounts: PersistedAccount[];
  /** Process-wide parts (tokens, webhook keys), by name. */
  shared: Record<string, unknown>;
};

/** Where the snapshot writer puts the next version before renaming it (lowdb's own name). */
export function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/** Removes what an interrupted snapshot write left behind; the snapshot itself is untouched. */
export function removeLeftoverTemp(path: string): void {
  rmSync(tempPathOf(path), { force: true });
}

/** The snapshot at `path`, or undefined when there is none yet. Refuses a damaged file. */
export async function readSnapshot(path: string): Promise<DataDocument | undefined> {
  const db = new Low<DataDocument | null>(new JSONFile<DataDocument | null>(path), null);
  try {
    await db.read();
  } catch (error) {
    throw new SimError(
      'DATA_FILE_INVALID',
      `The data file ${path} is damaged (${errorMessage(error)}). It was left untouched: move it away, or start with another --data file.`,
    );
  }
  const found = db.data;
  if (found === null) return undefined;
  checkDocument(found, path);
  return found;
}

function checkDocument(doc: unknown, path: string): asserts doc is DataDocument {
  if (!isRecord(doc) || doc['format'] !== DATA_FORMAT) {
    throw new SimError('DATA_FILE_INVALID', `${path} is not a fluent-sim data file (no "format": "${DATA_FORMAT}"). It was left untouched.`);
  }
  if (doc['version'] !== DATA_VERSION) {
    throw new SimError(
      'DATA_FILE_INVALID',
      `${path} was written by an incompatible fluent-sim (data version ${String(doc['version'])}, this one reads ${DATA_VERSION}). It was left untouched.`,
    );
  }
  if (!Array.isArray(doc['accounts'])) throw new SimError('DATA_FILE_INVALID', `${path} has no "accounts" list. It was left untouched.`);
}

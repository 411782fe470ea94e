/**
 * The `--data FILE` store: the simulator's whole state as one JSON document, written with
 * lowdb's `JSONFile` adapter (atomic write through a temporary file and rename, so a crash
 * leaves the previous complete version). The adapter is chosen explicitly: lowdb's
 * `JSONFilePreset` silently switches to memory under `NODE_ENV=test` (style §9).
 *
 * A file that is not valid JSON, or not a fluent-sim data file of this version, is refused at
 * start and never overwritten.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { SimError } from '../domain/errors.js';
import type { AccountSpec } from '../simulator.js';
import type { AccountSnapshot } from '../state/account-state.js';

export const DATA_FORMAT = 'fluent-sim';
export const DATA_VERSION = 1;

export type PersistedAccount = { spec: AccountSpec; state: AccountSnapshot; clock: { now: string; frozen: boolean } };

export type DataDocument = {
  format: typeof DATA_FORMAT;
  version: typeof DATA_VERSION;
  savedOn: string;
  accounts: PersistedAccount[];
  /** Process-wide parts (tokens, webhook keys), by name. */
  shared: Record<string, unknown>;
};

export type DataFile = {
  readonly path: string;
  /** The document found at start, or undefined for a new file. */
  readonly initial: DataDocument | undefined;
  write(doc: DataDocument): Promise<void>;
};

export async function openDataFile(path: string): Promise<DataFile> {
  const db = new Low<DataDocument | null>(new JSONFile<DataDocument | null>(path), null);
  try {
    await db.read();
  } catch (error) {
    throw new SimError('DATA_FILE_INVALID', `The data file ${path} is damaged (${(error as Error).message}). It was left untouched: move it away, or start with another --data file.`);
  }
  const found = db.data;
  if (found !== null) checkDocument(found, path);
  return {
    path,
    initial: found ?? undefined,
    async write(doc) {
      db.data = doc;
      await db.write();
    },
  };
}

function checkDocument(doc: unknown, path: string): asserts doc is DataDocument {
  const d = doc as Partial<DataDocument> | null;
  if (!d || typeof d !== 'object' || d.format !== DATA_FORMAT) {
    throw new SimError('DATA_FILE_INVALID', `${path} is not a fluent-sim data file (no "format": "${DATA_FORMAT}"). It was left untouched.`);
  }
  if (d.version !== DATA_VERSION) {
    throw new SimError('DATA_FILE_INVALID', `${path} was written by an incompatible fluent-sim (data version ${String(d.version)}, this one reads ${DATA_VERSION}). It was left untouched.`);
  }
  if (!Array.isArray(d.accounts)) throw new SimError('DATA_FILE_INVALID', `${path} has no "accounts" list. It was left untouched.`);
}

/**
 * Reads what `--data FILE` holds: the snapshot, then every journal of its generation or later,
 * replayed in order. Used at start and to roll back after a failed write. Leftover temporary
 * files are removed first; a damaged snapshot or journal stops here, left untouched.
 */
import { SimError } from '../domain/errors.js';
import { readSnapshot, removeLeftoverTemp, type DataDocument } from './data-file.js';
import { applyJournal, type JournalLine } from './journal-ops.js';
import { listJournals, readJournal } from './journal.js';
import { errorMessage } from '../lib/guards.js';

export type LoadedData = {
  /** The state on disk, or undefined when nothing was saved yet. */
  doc: DataDocument | undefined;
  /** The highest generation found (snapshot or journal); the next one must be higher. */
  generation: number;
  /** Journal lines replayed on top of the snapshot. */
  replayed: number;
};

export async function loadData(path: string, warn: (message: string) => void): Promise<LoadedData> {
  removeLeftoverTemp(path);
  const doc = await readSnapshot(path);
  const base = doc?.generation ?? 0;
  let generation = base;
  const lines: JournalLine[] = [];
  for (const journal of listJournals(path)) {
    generation = Math.max(generation, journal.generation);
    if (journal.generation < base) continue;
    const contents = readJournal(journal.path);
    if (!contents) continue;
    if (contents.torn) warn(`The last line of ${journal.path} was cut short (a write interrupted by a crash, never acknowledged); it was ignored.`);
    lines.push(...contents.lines);
  }
  if (!doc) {
    if (lines.length > 0)
      throw new SimError(
        'DATA_FILE_INVALID',
        `Found journals beside ${path} but no snapshot ${path}. They were left untouched: move them away, or restore the snapshot.`,
      );
    return { doc: undefined, generation, replayed: 0 };
  }
  try {
    applyJournal(doc, lines);
  } catch (error) {
    throw new SimError('DATA_FILE_INVALID', `The journal beside ${path} does not fit its snapshot (${errorMessage(error)}). The files were left untouched.`);
  }
  return { doc, generation, replayed: lines.length };
}

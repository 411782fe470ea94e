/**
 * The append-only journals beside the snapshot: `<data>.journal.<generation>`, JSON lines. The
 * first line is a header (`{"journal":"fluent-sim","generation":n}`); each later line is one
 * committed group of changes (`journal-ops.ts`). A line is written (and, with `--data-fsync`,
 * fsynced) before the requests it holds are answered.
 *
 * A snapshot of generation n contains everything in the journals before n. Compaction opens
 * journal n+1 (new lines go there), writes snapshot n+1, then deletes the older journals; a crash
 * at any step leaves a snapshot and the journals that complete it.
 *
 * Reading: a last line cut short by a crash is ignored with a warning (it was never
 * acknowledged); a damaged line before the end means the file was changed by something else,
 * and the start is refused with the file left untouched.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SimError } from '../domain/errors.js';
import type { JournalLine } from './journal-ops.js';
import { propertyOf } from '../lib/guards.js';

const JOURNAL_FORMAT = 'fluent-sim';

export const journalPathOf = (dataPath: string, generation: number): string => `${dataPath}.journal.${generation}`;

/** The journals beside a data file, oldest generation first. */
export function listJournals(dataPath: string): { generation: number; path: string }[] {
  const prefix = `${basename(dataPath)}.journal.`;
  const folder = dirname(dataPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => ({ generation: Number(name.slice(prefix.length)), path: join(folder, name) }))
    .sort((a, b) => a.generation - b.generation);
}

/** Deletes the journals a snapshot of `generation` made obsolete. */
export function removeJournalsBefore(dataPath: string, generation: number): void {
  for (const journal of listJournals(dataPath)) if (journal.generation < generation) rmSync(journal.path, { force: true });
}

export type JournalContents = { generation: number; lines: JournalLine[]; torn: boolean };

/** The journal at `path`, or undefined when there is none. */
export function readJournal(path: string): JournalContents | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const rows = text.split('\n');
  // A complete file ends with a newline: the last row is then empty.
  const last = rows.length - 1;
  const parsed: unknown[] = [];
  let torn = false;
  for (let i = 0; i <= last; i += 1) {
    const row = rows[i]!;
    if (row === '') continue;
    try {
      parsed.push(JSON.parse(row));
    } catch {
      if (i === last || (i === last - 1 && rows[last] === '')) {
        torn = true;
        continue;
      }
      throw new SimError(
        'DATA_FILE_INVALID',
        `The journal ${path} is damaged at line ${i + 1} (not the last line, so not an interrupted write). It was left untouched: move it away to start from the snapshot alone.`,
      );
    }
  }
  if (parsed.length === 0) return { generation: 0, lines: [], torn };
  const [header, ...lines] = parsed;
  const generation = propertyOf(header, 'generation');
  if (propertyOf(header, 'journal') !== JOURNAL_FORMAT || typeof generation !== 'number') {
    throw new SimError('DATA_FILE_INVALID', `${path} is not a fluent-sim journal (no header line). It was left untouched.`);
  }
  // The lines this module wrote (`JournalWriter`); `applyJournal` refuses one that does not fit the snapshot.
  return { generation, lines: lines as JournalLine[], torn };
}

export type JournalWriterOptions = {
  /** fsync every line (survives power loss), not only hand it to the OS (survives kill -9). */
  fsync: boolean;
  /** Fault injection: an error to fail the next write with (tests, `/_sim/faults`). */
  writeFault?: () => Error | undefined;
};

/** Appends lines to one journal file; a failed write is cut off again so the file stays clean. */
export class JournalWriter {
  /** Bytes known to be complete lines. */
  private good: number;
  /** A write failed: the file may hold part of a line past `good`. */
  private damaged = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly options: JournalWriterOptions,
    size: number,
  ) {
    this.good = size;
  }

  /** Starts a new, empty journal for `generation` (replacing any file at `path`). */
  static async create(path: string, generation: number, options: JournalWriterOptions): Promise<JournalWriter> {
    const handle = await open(path, 'w');
    const header = Buffer.from(`${JSON.stringify({ journal: JOURNAL_FORMAT, generation })}\n`);
    try {
      await handle.write(header);
      await handle.datasync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    return new JournalWriter(path, handle, options, header.length);
  }

  get size(): number {
    return this.good;
  }

  /** Writes one line; throws (after cutting the file back) when it did not reach the disk. */
  async append(line: string): Promise<void> {
    if (this.damaged) await this.repair();
    const bytes = Buffer.from(`${line}\n`);
    try {
      const injected = this.options.writeFault?.();
      if (injected) throw injected;
      // Without fsync the line only goes to the OS: written at once, without yielding to the
      // event loop (a few microseconds). With fsync, asynchronously: the disk takes milliseconds.
      let offset = 0;
      while (offset < bytes.length) {
        const at = this.good + offset;
        offset += this.options.fsync
          ? (await this.handle.write(bytes, offset, bytes.length - offset, at)).bytesWritten
          : writeSync(this.handle.fd, bytes, offset, bytes.length - offset, at);
      }
      if (this.options.fsync) await this.handle.datasync();
    } catch (error) {
      this.damaged = true;
      await this.repair().catch(() => undefined);
      throw error;
    }
    this.good += bytes.length;
  }

  /** Cuts off whatever a failed write left past the last complete line; throws while it cannot. */
  async repair(): Promise<void> {
    const injected = this.options.writeFault?.();
    if (injected) throw injected;
    await this.handle.truncate(this.good);
    await this.handle.datasync();
    this.damaged = false;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

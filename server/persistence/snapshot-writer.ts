/**
 * Writes a data document as the new snapshot without blocking the server for long: the JSON is
 * produced in slices (large objects and arrays entry by entry, yielding to the event loop every
 * few milliseconds), written to a temporary file beside the snapshot, fsynced, and renamed over
 * it (then the folder is fsynced), so a crash at any moment leaves either the old or the new
 * complete snapshot, and at worst a temporary file that the next start removes.
 *
 * The document must not change while it is written: callers pass a capture whose records are
 * never changed in place (entity and event records are replaced, not edited).
 */
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathOf, type DataDocument } from './data-file.js';
import { isRecord } from '../lib/guards.js';

/** Containers with more entries than this are written entry by entry. */
const LARGE = 256;
/** doc → accounts → account → state → store/parts → collections/part: opened whatever their size. */
const OPENED_LEVELS = 6;
/** Work done before yielding to the event loop, in milliseconds. */
const SLICE_MS = 8;
const BUFFER_BYTES = 1 << 20;

export type SnapshotWriteOptions = {
  /** Fault injection: an error to fail the write with. */
  writeFault?: () => Error | undefined;
};

/** Writes `doc` as the snapshot at `path`; returns its size in bytes. */
export async function writeSnapshot(path: string, doc: DataDocument, options: SnapshotWriteOptions = {}): Promise<number> {
  const temp = tempPathOf(path);
  const handle = await open(temp, 'w');
  let total = 0;
  try {
    let buffered: string[] = [];
    let bytes = 0;
    let sliceStart = performance.now();
    for (const chunk of chunksOf(doc)) {
      buffered.push(chunk);
      bytes += chunk.length;
      total += chunk.length;
      if (bytes >= BUFFER_BYTES) {
        await handle.write(buffered.join(''));
        buffered = [];
        bytes = 0;
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    const injected = options.writeFault?.();
    if (injected) throw injected;
    await handle.write(`${buffered.join('')}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncFolder(dirname(path));
  return total;
}

/** Makes a rename durable (the folder entry); some platforms cannot open a folder: skipped there. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.datasync();
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

/**
 * The JSON text of `value` in pieces, equal once joined to `JSON.stringify(value)`. The document's
 * first levels (accounts, state, store, parts) are always opened; deeper, only large containers
 * (a collection of records, the event list), whose entries are then written one by one.
 */
export function* chunksOf(value: unknown, depth = 0): Generator<string> {
  const open = depth < OPENED_LEVELS;
  if (Array.isArray(value) && (open || value.length > LARGE)) {
    yield '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) yield ',';
      if (open) yield* chunksOf(value[i], depth + 1);
      else yield JSON.stringify(value[i]) ?? 'null';
    }
    yield ']';
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined && typeof entry !== 'function');
    if (open || entries.length > LARGE) {
      yield '{';
      for (let i = 0; i < entries.length; i += 1) {
        const [key, entry] = entries[i]!;
        yield `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
        if (open) yield* chunksOf(entry, depth + 1);
        else yield JSON.stringify(entry);
      }
      yield '}';
      return;
    }
  }
  yield JSON.stringify(value) ?? 'null';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value['toJSON'] !== 'function';
}

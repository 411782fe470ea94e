import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FORMAT, DATA_VERSION, readSnapshot, tempPathOf, type DataDocument } from '../../server/persistence/data-file.js';
import { chunksOf, writeSnapshot } from '../../server/persistence/snapshot-writer.js';

function documentWith(records: number): DataDocument {
  const orders = Object.fromEntries(
    Array.from({ length: records }, (_, i) => [
      String(i + 1),
      { __typename: 'Order', id: String(i + 1), ref: `O-${i}`, note: i % 7 === 0 ? undefined : 'x', tags: [i, null] },
    ]),
  );
  const events = Array.from({ length: records }, (_, i) => ({
    id: `e${i}`,
    name: 'CREATE',
    attributes: i % 5 === 0 ? null : [{ name: 'a', value: i, type: 'INTEGER' }],
  }));
  return {
    format: DATA_FORMAT,
    version: DATA_VERSION,
    savedOn: '2026-01-01T00:00:00.000Z',
    generation: 3,
    accounts: [
      {
        spec: { id: 'LOCAL', clientId: 'LOCAL', clientSecret: 's', username: 'admin', password: 'p', retailerId: '1', seed: 'none' },
        state: {
          store: { version: 1, collections: { Order: orders } },
          ids: { Order: records },
          parts: { events: { events }, engine: { queue: [], scheduled: [] } },
        },
        clock: { now: '2026-01-01T00:00:00.000Z', frozen: true },
      },
    ],
    shared: { tokens: { access: [['t', { accountId: 'LOCAL', username: 'admin', expiresAt: 1 }]], refresh: [] } },
  };
}

describe('snapshot writer', () => {
  it.each([0, 10, 1000])('writes in pieces exactly what JSON.stringify writes (%i records)', (records) => {
    const doc = documentWith(records);
    expect([...chunksOf(doc)].join('')).toBe(JSON.stringify(doc));
  });

  it('replaces the snapshot through a temporary file and reads back the same document', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fluent-sim-snapshot-')), 'state.json');
    const doc = documentWith(600);
    const bytes = await writeSnapshot(path, doc);
    expect(bytes).toBe(JSON.stringify(doc).length);
    expect(existsSync(tempPathOf(path))).toBe(false);
    expect(await readSnapshot(path)).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('leaves the previous snapshot whole when a write fails', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fluent-sim-snapshot-')), 'state.json');
    writeFileSync(path, JSON.stringify(documentWith(1)));
    const before = readFileSync(path, 'utf8');
    await expect(writeSnapshot(path, documentWith(2000), { writeFault: () => new Error('ENOSPC: no space left on device') })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { DATA_FORMAT, DATA_VERSION, type DataDocument } from '../../server/persistence/data-file.js';
import { applyJournal } from '../../server/persistence/journal-ops.js';

const event = (id: string, eventStatus = 'PENDING'): Record<string, unknown> => ({ id, name: 'CREATE', eventStatus });

function doc(): DataDocument {
  return {
    format: DATA_FORMAT,
    version: DATA_VERSION,
    savedOn: '2026-01-01T00:00:00.000Z',
    accounts: [
      {
        spec: { id: 'A', clientId: 'A', clientSecret: 's', username: 'admin', password: 'p', retailerId: '1', seed: 'none' },
        state: {
          store: { version: 1, collections: { Order: { '1': { __typename: 'Order', id: '1', ref: 'O-1' } } } },
          ids: { Order: 1 },
          parts: { events: { events: [event('e1'), event('e2')] } },
        },
        clock: { now: '2026-01-01T00:00:00.000Z', frozen: true },
      },
    ],
    shared: { tokens: { access: [['t1', { accountId: 'A', username: 'admin', expiresAt: 5 }]], refresh: [['r1', { accountId: 'A', username: 'admin' }]] } },
  };
}

describe('journal replay', () => {
  it('applies records, deletions, events, dropped events, parts, ids, clock and tokens in order', () => {
    const d = doc();
    applyJournal(d, [
      {
        ops: [
          { op: 'put', account: 'A', record: { __typename: 'Order', id: '2', ref: 'O-2' } },
          { op: 'delete', account: 'A', typename: 'Order', id: '1' },
          { op: 'event', account: 'A', record: event('e1', 'COMPLETE') as never },
          { op: 'event', account: 'A', record: event('e3') as never },
        ],
      },
      {
        ops: [
          { op: 'events-dropped', account: 'A', ids: ['e2'] },
          { op: 'event', account: 'A', record: event('e4') as never },
          { op: 'part', account: 'A', name: 'engine', data: { queue: [], scheduled: [] } },
          { op: 'ids', account: 'A', counters: { Order: 2 } },
          { op: 'clock', account: 'A', clock: { now: '2026-02-01T00:00:00.000Z', frozen: true } },
          { op: 'refresh', token: 'r1', grant: null },
          { op: 'access', token: 't2', grant: { accountId: 'A', username: 'admin', expiresAt: 9 } },
        ],
      },
    ]);
    const account = d.accounts[0]!;
    expect(account.state.store.collections['Order']).toEqual({ '2': { __typename: 'Order', id: '2', ref: 'O-2' } });
    expect((account.state.parts['events'] as { events: { id: string; eventStatus: string }[] }).events.map((e) => `${e.id}:${e.eventStatus}`)).toEqual([
      'e1:COMPLETE',
      'e3:PENDING',
      'e4:PENDING',
    ]);
    expect(account.state.parts['engine']).toEqual({ queue: [], scheduled: [] });
    expect(account.state.ids).toEqual({ Order: 2 });
    expect(account.clock.now).toBe('2026-02-01T00:00:00.000Z');
    expect(d.shared['tokens']).toEqual({
      access: [
        ['t1', { accountId: 'A', username: 'admin', expiresAt: 5 }],
        ['t2', { accountId: 'A', username: 'admin', expiresAt: 9 }],
      ],
      refresh: [],
    });
  });

  it('adds an account with its full state, and refuses changes to an account it never saw', () => {
    const d = doc();
    const state = { store: { version: 1 as const, collections: {} }, ids: {}, parts: {} };
    applyJournal(d, [
      { ops: [{ op: 'account', spec: { ...d.accounts[0]!.spec, id: 'B', clientId: 'B' }, state, clock: { now: '2026-01-01T00:00:00.000Z', frozen: false } }] },
    ]);
    expect(d.accounts.map((a) => a.spec.id)).toEqual(['A', 'B']);
    expect(() => applyJournal(d, [{ ops: [{ op: 'ids', account: 'C', counters: {} }] }])).toThrow(/account "C", which it never created/);
  });
});

/**
 * What one journal line holds, and how it is applied to a data document on replay. Each line is
 * one committed group of changes (`{"ops": [...]}`): entity records and events are written one
 * by one (the cost follows the change); the small parts (engine queue, workflows, outbox, jobs,
 * id counters, clock) are written whole when they changed; a whole-account replacement (reset,
 * snapshot restore, a new account) carries the account's full state.
 *
 * Replay works on plain JSON, never on live objects: the result is a `DataDocument` that
 * `restoreFromDataFile` loads like any snapshot.
 */
import type { IssuedGrant, TokenGrant } from '../auth/tokens.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { EventRecord } from '../orchestration/event-log.js';
import type { AccountSpec } from '../simulator.js';
import type { AccountSnapshot } from '../state/account-state.js';
import type { DataDocument, PersistedAccount, PersistedClock } from './data-file.js';

export type JournalOp =
  | { op: 'account'; spec: AccountSpec; state: AccountSnapshot; clock: PersistedClock }
  | { op: 'replace'; account: string; state: AccountSnapshot }
  | { op: 'put'; account: string; record: EntityRecord }
  | { op: 'delete'; account: string; typename: string; id: string }
  | { op: 'event'; account: string; record: EventRecord }
  | { op: 'events-dropped'; account: string; ids: string[] }
  | { op: 'part'; account: string; name: string; data: unknown }
  | { op: 'ids'; account: string; counters: Record<string, number> }
  | { op: 'clock'; account: string; clock: PersistedClock }
  | { op: 'access'; token: string; grant: IssuedGrant | null }
  | { op: 'refresh'; token: string; grant: TokenGrant | null };

export type JournalLine = { ops: JournalOp[] };

type TokensData = { access?: [string, IssuedGrant][]; refresh?: [string, TokenGrant][] };

/** Applies journal lines to a document, in order, changing it in place. */
export function applyJournal(doc: DataDocument, lines: readonly JournalLine[]): void {
  const replay = createReplay(doc);
  for (const line of lines) for (const op of line.ops) replay(op);
  replay.finish();
}

function createReplay(doc: DataDocument): ((op: JournalOp) => void) & { finish(): void } {
  const accounts = new Map(doc.accounts.map((a) => [a.spec.id, a]));
  /** maps account id to event id to position in that account's events array */
  const eventPositions = new Map<string, Map<string, number>>();
  // The shape `Tokens.toJSON` writes into the data document (checked as a whole by `readSnapshot`).
  const tokens = doc.shared['tokens'] as TokensData | undefined;
  const access = new Map(tokens?.access ?? []);
  const refresh = new Map(tokens?.refresh ?? []);

  const accountOf = (id: string): PersistedAccount => {
    const found = accounts.get(id);
    if (!found) throw new Error(`the journal changes account "${id}", which it never created`);
    return found;
  };
  const eventsOf = (id: string): { list: EventRecord[]; positions: Map<string, number> } => {
    const state = accountOf(id).state;
    // The event log's part as its `toJSON` wrote it (state/account-state.ts).
    const data = (state.parts['events'] as { events?: EventRecord[] } | undefined) ?? { events: [] };
    state.parts['events'] = data;
    const list = (data.events ??= []);
    let positions = eventPositions.get(id);
    if (!positions) eventPositions.set(id, (positions = new Map(list.map((e, i) => [e.id, i]))));
    return { list, positions };
  };

  const apply = (op: JournalOp): void => {
    switch (op.op) {
      case 'account': {
        const persisted: PersistedAccount = { spec: op.spec, state: op.state, clock: op.clock };
        if (accounts.has(op.spec.id)) doc.accounts = doc.accounts.map((a) => (a.spec.id === op.spec.id ? persisted : a));
        else doc.accounts.push(persisted);
        accounts.set(op.spec.id, persisted);
        eventPositions.delete(op.spec.id);
        return;
      }
      case 'replace':
        accountOf(op.account).state = op.state;
        eventPositions.delete(op.account);
        return;
      case 'put':
        (accountOf(op.account).state.store.collections[op.record.__typename] ??= {})[op.record.id] = op.record;
        return;
      case 'delete':
        delete accountOf(op.account).state.store.collections[op.typename]?.[op.id];
        return;
      case 'event': {
        const { list, positions } = eventsOf(op.account);
        const at = positions.get(op.record.id);
        if (at === undefined) positions.set(op.record.id, list.push(op.record) - 1);
        else list[at] = op.record;
        return;
      }
      case 'events-dropped': {
        const { list } = eventsOf(op.account);
        const gone = new Set(op.ids);
        const kept = list.filter((e) => !gone.has(e.id));
        list.length = 0;
        list.push(...kept);
        eventPositions.set(op.account, new Map(list.map((e, i) => [e.id, i])));
        return;
      }
      case 'part':
        accountOf(op.account).state.parts[op.name] = op.data;
        return;
      case 'ids':
        accountOf(op.account).state.ids = op.counters;
        return;
      case 'clock':
        accountOf(op.account).clock = op.clock;
        return;
      case 'access':
        if (op.grant) access.set(op.token, op.grant);
        else access.delete(op.token);
        return;
      case 'refresh':
        if (op.grant) refresh.set(op.token, op.grant);
        else refresh.delete(op.token);
        return;
      default: {
        const unknown: never = op;
        throw new Error(`unknown journal operation ${JSON.stringify(unknown)}`);
      }
    }
  };
  return Object.assign(apply, {
    finish() {
      doc.shared['tokens'] = { access: [...access], refresh: [...refresh] };
    },
  });
}

/**
 * Collects what changed in the simulator since the last journal line, so a line costs what the
 * change costs: the entity store and the event log report each record they replace (listeners),
 * tokens each grant; the small parts (engine queue, workflows, outbox, jobs), the id counters
 * and the clock are compared with what was last written and written whole when they differ. A
 * whole-account replacement (reset, snapshot restore) and a new account are written in full.
 *
 * It never writes: `collect()` hands the operations to the persistence layer.
 */
import type { Account } from '../account.js';
import type { EventRecord } from '../orchestration/event-log.js';
import type { Simulator } from '../simulator.js';
import { captureAccount } from '../state/account-state.js';
import type { PersistedClock } from './data-file.js';
import type { JournalOp } from './journal-ops.js';
import { accountParts } from '../state/account-state.js';

/** A running clock that drifts less than this from its last written offset is unchanged. */
const CLOCK_TOLERANCE_MS = 50;

type Dirty = {
  /** maps "Type:id" to the record's type and id (read back from the store when collected) */
  records: Map<string, { typename: string; id: string }>;
  /** maps event id to its latest record */
  events: Map<string, EventRecord>;
  /** events the log's retention dropped */
  dropped: string[];
  /** the whole account changed (reset, snapshot restore) */
  whole: boolean;
};

type Written = { parts: Map<string, string>; ids: string; clock: PersistedClock };

export function persistedClockOf(account: Account): PersistedClock {
  return { now: account.clock.now().toISOString(), frozen: account.clock.isFrozen(), savedAt: Date.now() };
}

export class ChangeTracker {
  private readonly dirty = new Map<string, Dirty>();
  private readonly written = new Map<string, Written>();
  private tokenOps: JournalOp[] = [];
  private muted = false;
  /** Counts the changes the listeners reported (records, events, tokens, whole accounts). */
  private reported = 0;

  constructor(private readonly sim: Simulator) {
    sim.tokens.onChange = (change) => {
      if (this.muted) return;
      this.reported += 1;
      this.tokenOps.push(
        change.kind === 'access' ? { op: 'access', token: change.token, grant: change.grant } : { op: 'refresh', token: change.token, grant: change.grant },
      );
    };
    this.rebaseline();
  }

  /** Runs `work` (a restore from disk) unobserved, then takes the result as written. */
  async muteWhile<T>(work: () => Promise<T>): Promise<T> {
    this.muted = true;
    try {
      return await work();
    } finally {
      this.muted = false;
      this.rebaseline();
    }
  }

  /** Forgets pending changes and takes the live state as what is on disk. */
  rebaseline(): void {
    this.dirty.clear();
    this.written.clear();
    this.tokenOps = [];
    for (const account of this.sim.accounts.values()) this.watch(account);
  }

  /**
   * A summary of the live state that moves whenever a change would be journalled: the listeners'
   * count, the accounts, and the small parts, id counters and clocks as JSON. Two equal
   * fingerprints taken around a request mean the request changed nothing, even when changes made
   * before it are still waiting to be written. It costs what a commit's comparison costs.
   */
  fingerprint(): string {
    const accounts = [...this.sim.accounts.values()].map((account) => {
      const parts = accountParts(account).filter(([name]) => name !== 'events');
      const clock = persistedClockOf(account);
      const instant = clock.frozen ? clock.now : Math.round((Date.parse(clock.now) - (clock.savedAt ?? 0)) / CLOCK_TOLERANCE_MS);
      return [account.id, parts.map(([, part]) => part.toJSON()), account.ids.counters(), clock.frozen, instant];
    });
    return JSON.stringify([this.reported, accounts]);
  }

  /** The operations that bring the disk up to the live state; afterwards they count as written. */
  collect(): JournalOp[] {
    const ops: JournalOp[] = [];
    for (const account of this.sim.accounts.values()) {
      if (!this.written.has(account.id)) {
        this.watch(account);
        ops.push({ op: 'account', spec: this.sim.specs.get(account.id)!, state: captureAccount(account), clock: persistedClockOf(account) });
        continue;
      }
      this.collectAccount(account, ops);
    }
    ops.push(...this.tokenOps);
    this.tokenOps = [];
    return ops;
  }

  private collectAccount(account: Account, ops: JournalOp[]): void {
    const dirty = this.dirty.get(account.id)!;
    const written = this.written.get(account.id)!;
    if (dirty.whole) ops.push({ op: 'replace', account: account.id, state: captureAccount(account) });
    else {
      for (const { typename, id } of dirty.records.values()) {
        const record = account.store.get(typename, id);
        ops.push(record ? { op: 'put', account: account.id, record } : { op: 'delete', account: account.id, typename, id });
      }
      for (const record of dirty.events.values()) ops.push({ op: 'event', account: account.id, record });
      if (dirty.dropped.length > 0) ops.push({ op: 'events-dropped', account: account.id, ids: dirty.dropped });
    }
    this.dirty.set(account.id, emptyDirty());
    for (const [name, part] of accountParts(account)) {
      if (name === 'events') continue;
      const json = JSON.stringify(part.toJSON());
      if (written.parts.get(name) === json) continue;
      written.parts.set(name, json);
      const data: unknown = JSON.parse(json);
      if (!dirty.whole) ops.push({ op: 'part', account: account.id, name, data });
    }
    const ids = JSON.stringify(account.ids.counters());
    if (ids !== written.ids) {
      written.ids = ids;
      if (!dirty.whole) ops.push({ op: 'ids', account: account.id, counters: account.ids.counters() });
    }
    const clock = persistedClockOf(account);
    if (clockMoved(written.clock, clock)) {
      written.clock = clock;
      ops.push({ op: 'clock', account: account.id, clock });
    }
  }

  /** Listens to an account's store and event log, and records its small parts as written. */
  private watch(account: Account): void {
    const dirty = emptyDirty();
    this.dirty.set(account.id, dirty);
    const current = (): Dirty => this.dirty.get(account.id)!;
    account.store.onChange = (change) => {
      if (this.muted) return;
      this.reported += 1;
      const d = current();
      if (change.type === 'replaced') d.whole = true;
      else if (!d.whole) {
        const typename = change.type === 'put' ? change.record.__typename : change.typename;
        const id = change.type === 'put' ? change.record.id : change.id;
        d.records.set(`${typename}:${id}`, { typename, id });
      }
    };
    const events = account.orchestration?.events;
    if (events) {
      events.onChange = (change) => {
        if (this.muted) return;
        this.reported += 1;
        const d = current();
        if (change.type === 'replaced') d.whole = true;
        else if (d.whole) return;
        else if (change.type === 'put') d.events.set(change.record.id, change.record);
        else {
          for (const id of change.ids) d.events.delete(id);
          d.dropped.push(...change.ids);
        }
      };
    }
    const parts = new Map<string, string>();
    for (const [name, part] of accountParts(account)) if (name !== 'events') parts.set(name, JSON.stringify(part.toJSON()));
    this.written.set(account.id, { parts, ids: JSON.stringify(account.ids.counters()), clock: persistedClockOf(account) });
  }
}

function emptyDirty(): Dirty {
  return { records: new Map(), events: new Map(), dropped: [], whole: false };
}

/** Frozen: any change of instant. Running: a change of offset from the wall clock. */
function clockMoved(before: PersistedClock, after: PersistedClock): boolean {
  if (before.frozen !== after.frozen) return true;
  if (after.frozen) return before.now !== after.now;
  const offset = (c: PersistedClock): number => Date.parse(c.now) - (c.savedAt ?? 0);
  return Math.abs(offset(after) - offset(before)) > CLOCK_TOLERANCE_MS;
}

/**
 * The event log: ORCHESTRATION and ORCHESTRATION_AUDIT events in the platform's event model
 * (fluent-platform.md §3.5, §3.6), and the search behind `GET /api/v4.1/event`.
 *
 * Records are stored in wire form (key order included) and handed out as copies. Searches use
 * indexes on the entity / root entity / source-event ids and refs, and walk newest first so a
 * page stops early. It knows nothing of workflows or HTTP: the route parses the query string.
 */
import { SimError } from '../domain/errors.js';
import type { Clock } from '../lib/clock.js';

export type EventAttribute = { name: string; value: unknown; type: string };

export type EventContext = {
  sourceEvents: string[];
  entityType: string | null;
  entityId: string | null;
  entityRef: string | null;
  rootEntityType: string | null;
  rootEntityId: string | null;
  rootEntityRef: string | null;
};

/** fluent-platform.md §3.7. */
export type EventStatus = 'PENDING' | 'NO_MATCH' | 'FAILED' | 'SUCCESS' | 'SCHEDULED' | 'COMPLETE';

/** One event as `GET /api/v4.1/event/{id}` returns it (fluent-platform.md §3.5, §3.6). */
export type EventRecord = {
  id: string;
  name: string | null;
  type: string;
  accountId: string;
  /** Always a string in responses (§3.5). */
  retailerId: string;
  category: string | null;
  context: EventContext;
  eventStatus: EventStatus;
  /** null or `[{name, value, type}]` (§3.5). */
  attributes: EventAttribute[] | null;
  source: string | null;
  generatedBy: string;
  /** `2026-02-05T06:31:56.895+00:00`. */
  generatedOn: string;
};

/** The filters of `GET /api/v4.1/event` (§3.5, plus `eventId` and `context.sourceEvents` the SDK sends). */
export const EVENT_FILTER_FIELDS = [
  'context.rootEntityType',
  'context.rootEntityId',
  'context.rootEntityRef',
  'context.entityType',
  'context.entityId',
  'context.entityRef',
  'context.sourceEvents',
  'name',
  'category',
  'retailerId',
  'eventType',
  'eventStatus',
  'eventId',
] as const;
export type EventFilterField = (typeof EVENT_FILTER_FIELDS)[number];

/** Several values for one field match any of them; different fields must all match. */
export type EventSearchFilters = { [F in EventFilterField]?: readonly string[] } & {
  from?: Date;
  to?: Date;
  /** 0-based offset. @default 0 */
  start?: number;
  /** @default 100, at most 5000 */
  count?: number;
};

export type EventSearchResult = { start: number; count: number; hasMore: boolean; results: EventRecord[] };

export type EventLogData = { events: EventRecord[] };

/** Opaque: the log's arrays and indexes, copied. */
export type EventLogImage = {
  readonly records: readonly EventRecord[];
  readonly times: readonly number[];
  readonly indexes: Map<IndexName, Map<string, Positions>>;
  readonly monotonic: boolean;
};

/** What changed in the log, for listeners (persistence journals it); `replaced`: everything. */
export type EventLogChange = { type: 'put'; record: EventRecord } | { type: 'dropped'; ids: string[] } | { type: 'replaced' };

export interface EventLog {
  /** Told of every change after it is made (the data file's journal listens here). */
  onChange: ((change: EventLogChange) => void) | undefined;
  append(record: EventRecord): void;
  /**
   * Changes status, attributes or context of a stored event (e.g. PENDING → COMPLETE); answers the
   * record now stored (read-only: the engine updates an event or two per event it processes, and
   * discards the answer).
   */
  update(id: string, patch: Partial<Pick<EventRecord, 'eventStatus' | 'attributes' | 'context'>>): Readonly<EventRecord> | undefined;
  get(id: string): EventRecord | undefined;
  /** The stored record itself, not a copy: for reading a field or two, never to change or keep (the engine, per event). */
  peek(id: string): Readonly<EventRecord> | undefined;
  search(filters: EventSearchFilters): EventSearchResult;
  size(): number;
  /** Records kept, records dropped by the retention so far, and the retention in force. */
  stats(): EventLogStats;
  clear(): void;
  toJSON(): EventLogData;
  restore(data: EventLogData): void;
  /** An in-memory copy with the indexes, for fast snapshot restores (records are shared). */
  image(): EventLogImage;
  restoreImage(image: EventLogImage): void;
}

export type EventLogStats = { records: number; dropped: number; oldest: string | null; retention: EventRetention };

/**
 * How much of the log is kept [simulator]: records beyond `maxRecords` (oldest first) or older
 * than `maxAgeDays` (on the virtual clock) are dropped, in passes that start once the log holds
 * a quarter more than `maxRecords`, or when its oldest record is too old and a quarter of
 * `maxRecords` was appended since the last pass (a pass costs O(1) per append, amortised).
 * Records of events still PENDING or SCHEDULED (the engine's queue and scheduled events) are
 * never dropped. The platform's event search covers 30 days by default (§3.5).
 */
export type EventRetention = {
  /** @default 100000 */
  maxRecords: number;
  /** @default 30 */
  maxAgeDays: number;
};

export const DEFAULT_EVENT_RETENTION: EventRetention = { maxRecords: 100_000, maxAgeDays: 30 };

export type EventLogOptions = {
  clock: Clock;
  /** @default DEFAULT_EVENT_RETENTION */
  retention?: EventRetention;
  /** Window used without `from` (§3.5: "only the past 30 days"). @default 30 */
  defaultWindowDays?: number;
  /** Page size without `count` (§3.5: "only the first 100"). @default 100 */
  defaultCount?: number;
  /** Larger `count`s are clamped to it (§3.5: at most 5000 per request). @default 5000 */
  maxCount?: number;
};

/** Platform timestamp form: ISO with milliseconds and `+00:00` (§3.5), of a date or epoch ms. */
export function formatGeneratedOn(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  // The clock hands out runs of equal instants (frozen, or many records per millisecond).
  if (ms !== lastFormatted.ms) lastFormatted = { ms, text: new Date(ms).toISOString().replace('Z', '+00:00') };
  return lastFormatted.text;
}
let lastFormatted = { ms: Number.NaN, text: '' };

/**
 * The positions having one indexed value, ascending: a bare number while there is one (ids and
 * refs of one entity), an array once there are more — a one-element array per record and field
 * cost ~0.3 KiB per record at 100k records.
 */
type Positions = number | number[];

const positionsOf = (entry: Positions | undefined): number[] => (entry === undefined ? [] : typeof entry === 'number' ? [entry] : entry);

/**
 * Filters answered from an index, and the index of each; `index()` reads these fields directly,
 * keep both in step. `eventId` is answered from `byId`. An entity's id and its root's id share
 * one index (`ids`), as do the two refs (`refs`): most records are about their root entity, and
 * one entry instead of two for the same value saves ≈ 90 bytes per record. The index gives
 * candidates; `matches` checks each against the filters, so a candidate of the other field is
 * dropped there.
 */
const INDEXED = {
  'context.entityId': 'ids',
  'context.rootEntityId': 'ids',
  'context.entityRef': 'refs',
  'context.rootEntityRef': 'refs',
  'context.sourceEvents': 'sourceEvents',
  // Searches by name or status alone scanned the whole 30-day window (issue 16 #5: 245k events,
  // 200–300 ms). A status that changes leaves its old entry behind; `matches` checks again.
  name: 'name',
  eventStatus: 'eventStatus',
} as const satisfies Partial<Record<EventFilterField, string>>;
type IndexName = (typeof INDEXED)[keyof typeof INDEXED];
const INDEXED_FIELDS = Object.keys(INDEXED) as (keyof typeof INDEXED)[]; // Object.keys of a literal: exactly its keys

const FIELD_VALUES: Record<EventFilterField, (record: EventRecord) => readonly (string | null)[]> = {
  'context.rootEntityType': (r) => [r.context.rootEntityType],
  'context.rootEntityId': (r) => [r.context.rootEntityId],
  'context.rootEntityRef': (r) => [r.context.rootEntityRef],
  'context.entityType': (r) => [r.context.entityType],
  'context.entityId': (r) => [r.context.entityId],
  'context.entityRef': (r) => [r.context.entityRef],
  'context.sourceEvents': (r) => r.context.sourceEvents,
  name: (r) => [r.name],
  category: (r) => [r.category],
  retailerId: (r) => [r.retailerId],
  eventType: (r) => [r.type],
  eventStatus: (r) => [r.eventStatus],
  eventId: (r) => [r.id],
};

const DAY_MS = 86_400_000;

function copyIndexes<K>(indexes: Map<K, Map<string, Positions>>): Map<K, Map<string, Positions>> {
  return new Map(
    [...indexes].map(([field, byValue]) => [field, new Map([...byValue].map(([value, entry]) => [value, typeof entry === 'number' ? entry : entry.slice()]))]),
  );
}

export function createEventLog(options: EventLogOptions): EventLog {
  const windowMs = (options.defaultWindowDays ?? 30) * DAY_MS;
  const defaultCount = options.defaultCount ?? 100;
  const maxCount = options.maxCount ?? 5000;
  /**
   * The records in append order, and beside them each one's `generatedOn` in ms: parallel arrays,
   * not an object per record (≈ 60 bytes per record with its boxed time). A record's position
   * is its index in both; `byId` maps an id to it.
   */
  let records: EventRecord[] = [];
  let times: number[] = [];
  let byId = new Map<string, number>();
  /** maps field → value → positions, ascending */
  let indexes = new Map<IndexName, Map<string, Positions>>();
  /** true while every append was at or after the previous one (then position order is time order) */
  let monotonic = true;
  const retention = options.retention ?? DEFAULT_EVENT_RETENTION;
  let dropped = 0;
  let appendedSincePrune = 0;

  function indexValue(field: IndexName, value: string | null, seq: number): void {
    if (value === null) return;
    let byValue = indexes.get(field);
    if (!byValue) indexes.set(field, (byValue = new Map<string, Positions>()));
    const entry = byValue.get(value);
    if (entry === undefined) byValue.set(value, seq);
    else if (typeof entry !== 'number') insertSorted(entry, seq);
    else if (entry !== seq) byValue.set(value, entry < seq ? [entry, seq] : [seq, entry]);
  }

  /** The INDEXED fields, read directly (this runs for every record appended). */
  function index(record: EventRecord, seq: number): void {
    const { context } = record;
    // An entity's id or ref equal to its root's is one entry (a repeated position is ignored).
    indexValue('ids', context.entityId, seq);
    indexValue('ids', context.rootEntityId, seq);
    indexValue('refs', context.entityRef, seq);
    indexValue('refs', context.rootEntityRef, seq);
    for (const source of context.sourceEvents) indexValue('sourceEvents', source, seq);
    indexValue('name', record.name, seq);
    indexValue('eventStatus', record.eventStatus, seq);
  }

  /** The context and attributes the last record appended kept, for the next one to share (see `shareParts`). */
  let lastContext: EventContext | undefined;
  let lastAttributes: EventAttribute[] | null = null;

  /**
   * Lets a record share its context and attributes with the record appended before it when they
   * are equal, frozen: a rule's audits repeat their ruleset's context, and on a frozen or slow
   * clock their timers too (≈ 0.3 KiB per HD audit record otherwise). No context has its own
   * empty `sourceEvents`. Records are replaced, never changed in place, so sharing is safe.
   */
  function shareParts(record: EventRecord): void {
    const { context, attributes } = record;
    if (lastContext !== undefined && sameContext(lastContext, context)) record.context = lastContext;
    else {
      if (context.sourceEvents.length === 0) context.sourceEvents = NO_SOURCE_EVENTS;
      Object.freeze(context.sourceEvents);
      lastContext = Object.freeze(context);
    }
    if (attributes === null) return;
    if (lastAttributes !== null && samePrimitiveAttributes(lastAttributes, attributes)) record.attributes = lastAttributes;
    else if (attributes.every((a) => a.value === null || typeof a.value !== 'object')) {
      for (const a of attributes) Object.freeze(a);
      Object.freeze(attributes);
      lastAttributes = attributes;
    }
  }

  function append(record: EventRecord): void {
    if (byId.has(record.id)) throw new SimError('INTERNAL', `Event ${record.id} is already in the event log`);
    shareParts(record);
    const seq = records.length;
    const last = records[seq - 1];
    const lastMs = times[seq - 1] ?? Number.NaN;
    // Frozen clocks give runs of equal instants: parse each distinct one once.
    const ms = last?.generatedOn === record.generatedOn ? lastMs : Date.parse(record.generatedOn);
    if (last && ms < lastMs) monotonic = false;
    // The log owns the record from here on: callers hand over records they built for it.
    records.push(record);
    times.push(ms);
    byId.set(record.id, seq);
    index(record, seq);
    log.onChange?.({ type: 'put', record });
    appendedSincePrune += 1;
    const tooMany = records.length > retention.maxRecords * 1.25;
    if (tooMany || (appendedSincePrune >= retention.maxRecords / 4 && (times[0] ?? ms) < ageCutoff())) prune();
  }

  const ageCutoff = (): number => options.clock.nowMs() - retention.maxAgeDays * DAY_MS;

  /** Drops what the retention no longer keeps, then renumbers what is left. */
  function prune(): void {
    appendedSincePrune = 0;
    const cutoff = ageCutoff();
    let excess = records.length - retention.maxRecords;
    // Old position → new position (-1: dropped); kept records keep their order.
    const moved = new Int32Array(records.length).fill(-1);
    const keptRecords: EventRecord[] = [];
    const keptTimes: number[] = [];
    const droppedIds: string[] = [];
    for (let seq = 0; seq < records.length; seq += 1) {
      const record = records[seq]!;
      const ms = times[seq]!;
      const status = record.eventStatus;
      if (status !== 'PENDING' && status !== 'SCHEDULED' && (excess > 0 || ms < cutoff)) {
        excess -= 1;
        droppedIds.push(record.id);
        continue;
      }
      moved[seq] = keptRecords.length;
      if (moved[seq] !== seq) byId.set(record.id, keptRecords.length);
      keptRecords.push(record);
      keptTimes.push(ms);
    }
    if (droppedIds.length === 0) return;
    dropped += droppedIds.length;
    for (const id of droppedIds) byId.delete(id);
    for (const byValue of indexes.values()) renumber(byValue, moved);
    records = keptRecords;
    times = keptTimes;
    log.onChange?.({ type: 'dropped', ids: droppedIds });
  }

  /** Positions to examine, ascending: the smallest index hit list, or everything. */
  function candidatePositions(filters: EventSearchFilters): number[] | undefined {
    let best: number[] | undefined;
    if (filters.eventId?.length) best = [...new Set(filters.eventId.flatMap((id) => byId.get(id) ?? []))].sort((a, b) => a - b);
    for (const field of INDEXED_FIELDS) {
      const values = filters[field];
      if (!values || values.length === 0) continue;
      const byValue = indexes.get(INDEXED[field]);
      // One value: its list is already ascending and free of duplicates.
      const merged =
        values.length === 1
          ? positionsOf(byValue?.get(values[0]!))
          : [...new Set(values.flatMap((value) => positionsOf(byValue?.get(value))))].sort((a, b) => a - b);
      if (!best || merged.length < best.length) best = merged;
    }
    return best;
  }

  function matches(record: EventRecord, filters: EventSearchFilters): boolean {
    for (const field of EVENT_FILTER_FIELDS) {
      const wanted = filters[field];
      if (!wanted || wanted.length === 0) continue;
      if (!FIELD_VALUES[field](record).some((value) => value !== null && wanted.includes(value))) return false;
    }
    return true;
  }

  /** Candidate positions newest first (fluent-platform.md §8 #12); stops at `fromMs` when appends were monotonic. */
  function* newestFirst(positions: number[] | undefined, fromMs: number): Generator<number> {
    if (monotonic) {
      // Position order is time order: walk backwards and stop once older than the window.
      const total = positions ? positions.length : records.length;
      for (let i = total - 1; i >= 0; i -= 1) {
        const seq = positions ? (positions[i] ?? -1) : i;
        const ms = times[seq];
        if (ms === undefined) continue;
        if (ms < fromMs) return;
        yield seq;
      }
      return;
    }
    const list = positions ? positions.filter((p) => p >= 0 && p < records.length) : records.map((_, seq) => seq);
    yield* list.sort((a, b) => times[b]! - times[a]! || b - a);
  }

  function search(filters: EventSearchFilters): EventSearchResult {
    const start = filters.start ?? 0;
    const count = Math.min(filters.count ?? defaultCount, maxCount);
    const fromMs = filters.from?.getTime() ?? options.clock.nowMs() - windowMs;
    const toMs = filters.to?.getTime() ?? Number.POSITIVE_INFINITY;
    const results: EventRecord[] = [];
    let skipped = 0;
    let hasMore = false;
    for (const seq of newestFirst(candidatePositions(filters), fromMs)) {
      const ms = times[seq]!;
      const record = records[seq]!;
      if (ms < fromMs || ms > toMs || !matches(record, filters)) continue;
      if (skipped < start) {
        skipped += 1;
        continue;
      }
      if (results.length === count) {
        hasMore = true;
        break;
      }
      results.push({ ...record });
    }
    return { start, count, hasMore, results };
  }

  const log: EventLog = {
    onChange: undefined,
    append,
    update(id, patch) {
      const seq = byId.get(id);
      if (seq === undefined) return undefined;
      // Records are replaced, never changed in place: snapshots share them (state/account-state.ts).
      const next: EventRecord = { ...records[seq]! };
      if (patch.eventStatus !== undefined) next.eventStatus = patch.eventStatus;
      if (patch.attributes !== undefined) next.attributes = structuredClone(patch.attributes);
      if (patch.context !== undefined) next.context = structuredClone(patch.context);
      records[seq] = next;
      // Index entries are only added (searches check every candidate): a status change adds one.
      if (patch.context !== undefined) index(next, seq);
      else if (patch.eventStatus !== undefined) indexValue('eventStatus', next.eventStatus, seq);
      log.onChange?.({ type: 'put', record: next });
      return next;
    },
    get: (id) => {
      const seq = byId.get(id);
      return seq === undefined ? undefined : { ...records[seq]! };
    },
    peek: (id) => {
      const seq = byId.get(id);
      return seq === undefined ? undefined : records[seq];
    },
    search,
    size: () => records.length,
    stats: () => ({ records: records.length, dropped, oldest: records[0]?.generatedOn ?? null, retention: { ...retention } }),
    clear() {
      records = [];
      times = [];
      byId = new Map();
      indexes = new Map();
      monotonic = true;
      lastContext = undefined;
      lastAttributes = null;
      log.onChange?.({ type: 'replaced' });
      dropped = 0;
      appendedSincePrune = 0;
    },
    // Snapshots deep-copy the whole account state (state/account-state.ts); no copy here.
    toJSON: () => ({ events: records.slice() }),
    image: () => ({ records: records.slice(), times: times.slice(), indexes: copyIndexes(indexes), monotonic }),
    restoreImage(image) {
      records = image.records.slice();
      times = image.times.slice();
      byId = new Map(records.map((record, seq) => [record.id, seq]));
      indexes = copyIndexes(image.indexes);
      monotonic = image.monotonic;
      log.onChange?.({ type: 'replaced' });
    },
    restore(data) {
      const listener = log.onChange;
      log.onChange = undefined;
      try {
        log.clear();
        for (const record of data.events) append(record);
      } finally {
        log.onChange = listener;
      }
      log.onChange?.({ type: 'replaced' });
    },
  };
  return log;
}

/** The `sourceEvents` of every context that has none. */
const NO_SOURCE_EVENTS: string[] = [];
Object.freeze(NO_SOURCE_EVENTS);

function sameContext(a: EventContext, b: EventContext): boolean {
  if (
    a.entityType !== b.entityType ||
    a.entityId !== b.entityId ||
    a.entityRef !== b.entityRef ||
    a.rootEntityType !== b.rootEntityType ||
    a.rootEntityId !== b.rootEntityId ||
    a.rootEntityRef !== b.rootEntityRef ||
    a.sourceEvents.length !== b.sourceEvents.length
  )
    return false;
  for (let i = 0; i < a.sourceEvents.length; i += 1) if (a.sourceEvents[i] !== b.sourceEvents[i]) return false;
  return true;
}

/** Equal lists of attributes whose values are all primitives (kept ones are; JSON values are never shared). */
function samePrimitiveAttributes(kept: readonly EventAttribute[], attributes: readonly EventAttribute[]): boolean {
  if (kept.length !== attributes.length) return false;
  for (let i = 0; i < kept.length; i += 1) {
    const a = kept[i]!;
    const b = attributes[i]!;
    if (a.name !== b.name || a.type !== b.type || a.value !== b.value) return false;
  }
  return true;
}

/**
 * Moves an index to new positions (`moved[old]`, -1 when dropped) without reading the records:
 * re-indexing 100k kept records on each retention pass was 15 % of loading `--seed large`.
 */
function renumber(byValue: Map<string, Positions>, moved: Int32Array): void {
  for (const [value, entry] of byValue) {
    if (typeof entry === 'number') {
      const at = moved[entry] ?? -1;
      if (at < 0) byValue.delete(value);
      else byValue.set(value, at);
      continue;
    }
    const kept: number[] = [];
    for (const old of entry) {
      const at = moved[old] ?? -1;
      if (at >= 0) kept.push(at);
    }
    if (kept.length === 0) byValue.delete(value);
    else byValue.set(value, kept.length === 1 ? kept[0]! : kept);
  }
}

/** Inserts into an ascending list, ignoring duplicates. */
function insertSorted(list: number[], value: number): void {
  // Appends come in position order: the common case is a push.
  const last = list[list.length - 1];
  if (last === undefined || last < value) {
    list.push(value);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  if (list[low] !== value) list.splice(low, 0, value);
}

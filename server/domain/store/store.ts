/**
 * The in-memory entity store: one collection per stored GraphQL type, plain JSON records, and
 * the indexes the API's lookups and searches use (design §5): by id, by `ref`, by `status`,
 * `type` and `productRef` (sourcing finds a product's inventory positions without walking the
 * catalogue), and a reverse index of links ("which records point at this one").
 *
 * Records are plain objects. A link to another entity is stored as `{ __link: 'Type', id }`
 * (single) or an array of those (membership lists). Ids are numeric strings assigned in
 * increasing order, so id order is creation order and "newest first" is descending id.
 *
 * This module knows nothing about GraphQL or HTTP; persistence adapters serialise `toJSON()`.
 */
import { IdMap } from './id-map.js';
import { LinkPool } from './link-pool.js';

export type EntityRecord = Record<string, unknown> & { id: string; __typename: string };
export type LinkRef = { __link: string; id: string };

export const isLinkRef = (v: unknown): v is LinkRef =>
  typeof v === 'object' && v !== null && '__link' in v && typeof v.__link === 'string' && 'id' in v && typeof v.id === 'string';

/** A stored record (or a copy of one): an object with a string `id` and `__typename`. */
export const isEntityRecord = (v: unknown): v is EntityRecord =>
  typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string' && '__typename' in v && typeof v.__typename === 'string';

export const linkTo = (record: { __typename: string; id: string }): LinkRef => ({ __link: record.__typename, id: record.id });

const INDEXED_FIELDS = ['ref', 'status', 'type', 'productRef'] as const;
type IndexedField = (typeof INDEXED_FIELDS)[number];
const INDEXED_NAMES: ReadonlySet<string> = new Set(INDEXED_FIELDS);

/** Sorted array of numeric ids, ascending. */
class IdList {
  constructor(readonly ids: number[] = []) {}
  copy(): IdList {
    return new IdList(this.ids.slice());
  }
  add(id: number): void {
    const ids = this.ids;
    if (ids.length === 0 || ids[ids.length - 1]! < id) {
      ids.push(id);
      return;
    }
    const at = lowerBound(ids, id);
    if (ids[at] !== id) ids.splice(at, 0, id);
  }
  remove(id: number): void {
    const at = lowerBound(this.ids, id);
    if (this.ids[at] === id) this.ids.splice(at, 1);
  }
}

/**
 * An index entry: one id as a bare number (most values — refs — name one record), an IdList
 * once a second id shares the value. At 100k orders this saves two lists per order (~0.4 KiB).
 */
type IndexEntry = number | IdList;
type ValueIndex = Map<string, IndexEntry>;
/** What the index helpers need of a Map or an IdMap. */
type Entries = { get(key: string): IndexEntry | undefined; set(key: string, entry: IndexEntry): unknown; delete(key: string): unknown };

const idsOf = (entry: IndexEntry | undefined): readonly number[] => (entry === undefined ? [] : typeof entry === 'number' ? [entry] : entry.ids);

function addToIndex(index: Entries, value: string, id: number): void {
  const entry = index.get(value);
  if (entry === undefined) index.set(value, id);
  else if (typeof entry !== 'number') entry.add(id);
  else if (entry !== id) index.set(value, new IdList(entry < id ? [entry, id] : [id, entry]));
}

/** Drops `id` from the value's entry, and the value once no id has it. */
function removeFromIndex(index: Entries, value: string, id: number): void {
  const entry = index.get(value);
  if (entry === undefined) return;
  if (typeof entry === 'number') {
    if (entry === id) index.delete(value);
    return;
  }
  entry.remove(id);
  if (entry.ids.length === 0) index.delete(value);
}

const copyEntry = (entry: IndexEntry): IndexEntry => (typeof entry === 'number' ? entry : entry.copy());
const copyIndex = (index: ValueIndex): ValueIndex => new Map([...index].map(([value, entry]) => [value, copyEntry(entry)]));

/**
 * The reverse index ("which records link to this one"): source typename → target typename →
 * target id → ids of the source records, as the value indexes keep them. Numbers by target id,
 * not "Type:id" strings: at 100k orders the strings and one-entry Sets cost ≈ 0.35 KiB per order.
 */
type Reverse = Map<string, Map<string, IdMap<IndexEntry>>>;

function reverseIndex(reverse: Reverse, source: string, target: string): IdMap<IndexEntry> {
  let byTarget = reverse.get(source);
  if (!byTarget) reverse.set(source, (byTarget = new Map()));
  let index = byTarget.get(target);
  if (!index) byTarget.set(target, (index = new IdMap()));
  return index;
}

const copyReverse = (reverse: Reverse): Reverse =>
  new Map([...reverse].map(([source, byTarget]) => [source, new Map([...byTarget].map(([target, index]) => [target, index.copy(copyEntry)]))]));

export function lowerBound(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `Date.prototype.toISOString` form: fixed width, so text order is time order. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

class Collection {
  /** maps id to record */
  byId = new IdMap<EntityRecord>();
  readonly all = new IdList();
  /** True while every record, in id order, has an ISO `createdOn` no earlier than the one before. */
  createdOnOrdered = true;
  /** `createdOn` of the newest record when it was added. */
  lastCreatedOn = '';
  /** maps field → value → ids having that value */
  indexes: Record<IndexedField, ValueIndex> = { ref: new Map(), status: new Map(), type: new Map(), productRef: new Map() };
}

/** An in-memory copy of the store with its indexes, for fast snapshot restores (not JSON). */
export type StoreImage = { readonly collections: Map<string, Collection>; readonly reverse: Reverse };

function copyCollection(c: Collection): Collection {
  const copy = new Collection();
  copy.byId = c.byId.copy();
  copy.all.ids.push(...c.all.ids);
  copy.createdOnOrdered = c.createdOnOrdered;
  copy.lastCreatedOn = c.lastCreatedOn;
  for (const field of INDEXED_FIELDS) copy.indexes[field] = copyIndex(c.indexes[field]);
  return copy;
}

function copyImage(collections: Map<string, Collection>, reverse: Reverse): StoreImage {
  return { collections: new Map([...collections].map(([name, c]) => [name, copyCollection(c)])), reverse: copyReverse(reverse) };
}

/** What a write did, for listeners (persistence journals it); `replaced`: everything changed. */
export type StoreChange = { type: 'put'; record: EntityRecord } | { type: 'delete'; typename: string; id: string } | { type: 'replaced' };

export type StoreData = {
  version: 1;
  /** maps typename to id to record */
  collections: Record<string, Record<string, EntityRecord>>;
};

export class Store {
  private collections = new Map<string, Collection>();
  /** Incremented by every write; lets persistence skip unchanged states. */
  version = 0;
  private reverse: Reverse = new Map();
  /** Shared link objects for the records put (their own copies are dropped). */
  private readonly links = new LinkPool();
  /** Told of every change after it is made (the data file's journal listens here). */
  onChange: ((change: StoreChange) => void) | undefined;

  private collection(typename: string): Collection {
    let c = this.collections.get(typename);
    if (!c) {
      c = new Collection();
      this.collections.set(typename, c);
    }
    return c;
  }

  typenames(): string[] {
    return [...this.collections.keys()];
  }

  get(typename: string, id: string): EntityRecord | undefined {
    return this.collections.get(typename)?.byId.get(id);
  }

  resolve(link: LinkRef): EntityRecord | undefined {
    return this.get(link.__link, link.id);
  }

  count(typename: string): number {
    return this.collections.get(typename)?.byId.size ?? 0;
  }

  /** Ids (ascending) of a collection, optionally narrowed by an indexed field's values. */
  candidates(typename: string, field?: IndexedField, values?: readonly string[]): readonly number[] {
    const c = this.collections.get(typename);
    if (!c) return [];
    if (!field || !values) return c.all.ids;
    if (values.length === 1) return idsOf(c.indexes[field].get(values[0]!));
    const merged = new Set<number>();
    for (const v of values) for (const id of idsOf(c.indexes[field].get(v))) merged.add(id);
    return [...merged].sort((a, b) => a - b);
  }

  /** One ascending id list per indexed value (disjoint: a record has one value per field). */
  candidateLists(typename: string, field: IndexedField, values: readonly string[]): (readonly number[])[] {
    const c = this.collections.get(typename);
    if (!c) return [];
    return [...new Set(values)].map((v) => idsOf(c.indexes[field].get(v)));
  }

  /**
   * True when id order is `createdOn` order for every record of `typename` (ids and the clock
   * both move forward), so a date window is a contiguous run of ids (binary search).
   */
  createdOnOrdered(typename: string): boolean {
    return this.collections.get(typename)?.createdOnOrdered ?? true;
  }

  isIndexed(field: string): field is IndexedField {
    return INDEXED_NAMES.has(field);
  }

  /** Records of `typename` that link to `target` through any field. */
  linkedFrom(target: LinkRef, typename: string): EntityRecord[] {
    const ids = idsOf(this.reverse.get(typename)?.get(target.__link)?.get(target.id));
    const out: EntityRecord[] = [];
    // Ascending ids: the records in id order.
    for (const id of ids) {
      const r = this.get(typename, String(id));
      if (r) out.push(r);
    }
    return out;
  }

  /** Inserts or replaces a record, keeping every index in step. */
  put(record: EntityRecord): void {
    this.version += 1;
    this.links.share(record);
    const c = this.collection(record.__typename);
    const previous = c.byId.get(record.id);
    this.trackCreatedOn(c, record, previous);
    c.byId.set(record.id, record);
    // A new object for the same id (every update): only what changed moves in the indexes.
    if (previous && previous !== record) this.reindex(c, previous, record);
    else {
      if (previous) this.unindex(c, previous);
      this.index(c, record);
    }
    this.onChange?.({ type: 'put', record });
  }

  delete(typename: string, id: string): void {
    const c = this.collections.get(typename);
    const previous = c?.byId.get(id);
    if (!c || !previous) return;
    this.version += 1;
    this.unindex(c, previous);
    c.byId.delete(id);
    this.onChange?.({ type: 'delete', typename, id });
  }

  private trackCreatedOn(c: Collection, r: EntityRecord, previous: EntityRecord | undefined): void {
    if (!c.createdOnOrdered) return;
    const createdOn = r['createdOn'];
    if (previous) {
      if (previous['createdOn'] !== createdOn) c.createdOnOrdered = false;
      return;
    }
    const newest = c.all.ids.length === 0 || c.all.ids[c.all.ids.length - 1]! < Number(r.id);
    if (!newest || typeof createdOn !== 'string' || !ISO_INSTANT.test(createdOn) || createdOn < c.lastCreatedOn) {
      c.createdOnOrdered = false;
      return;
    }
    c.lastCreatedOn = createdOn;
  }

  private index(c: Collection, r: EntityRecord): void {
    const n = Number(r.id);
    c.all.add(n);
    for (const f of INDEXED_FIELDS) {
      const v = r[f];
      if (typeof v === 'string') addToIndex(c.indexes[f], v, n);
    }
    for (const link of linksOf(r)) addToIndex(reverseIndex(this.reverse, r.__typename, link.__link), link.id, n);
  }

  /** `previous` replaced by `r` (same id): indexed values and links that differ, nothing else. */
  private reindex(c: Collection, previous: EntityRecord, r: EntityRecord): void {
    const n = Number(r.id);
    for (const f of INDEXED_FIELDS) {
      const before = previous[f];
      const after = r[f];
      if (before === after) continue;
      if (typeof before === 'string') removeFromIndex(c.indexes[f], before, n);
      if (typeof after === 'string') addToIndex(c.indexes[f], after, n);
    }
    const before = linksOf(previous);
    const after = linksOf(r);
    if (sameLinks(before, after)) return;
    for (const link of before) this.unlink(r.__typename, link, n);
    for (const link of after) addToIndex(reverseIndex(this.reverse, r.__typename, link.__link), link.id, n);
  }

  private unlink(typename: string, link: LinkRef, id: number): void {
    const index = this.reverse.get(typename)?.get(link.__link);
    if (index) removeFromIndex(index, link.id, id);
  }

  private unindex(c: Collection, r: EntityRecord): void {
    const n = Number(r.id);
    c.all.remove(n);
    for (const f of INDEXED_FIELDS) {
      const v = r[f];
      if (typeof v === 'string') removeFromIndex(c.indexes[f], v, n);
    }
    for (const link of linksOf(r)) this.unlink(r.__typename, link, n);
  }

  /** Copies the indexes (records are shared: they are never changed in place). */
  image(): StoreImage {
    return copyImage(this.collections, this.reverse);
  }

  restoreImage(image: StoreImage): void {
    const copy = copyImage(image.collections, image.reverse);
    this.collections = copy.collections;
    this.reverse = copy.reverse;
    this.version += 1;
    this.onChange?.({ type: 'replaced' });
  }

  toJSON(): StoreData {
    const collections: StoreData['collections'] = {};
    for (const [name, c] of this.collections) collections[name] = Object.fromEntries([...c.byId.values()].map((r) => [r.id, r]));
    return { version: 1, collections };
  }

  /**
   * Replaces everything with `data` (reset, snapshot restore, load from disk). The records are
   * taken as they are, not copied: records are never changed in place (every write puts a new
   * object), so a snapshot and the live store can share them.
   */
  restore(data: StoreData): void {
    this.collections = new Map();
    this.reverse = new Map();
    this.version += 1;
    const listener = this.onChange;
    this.onChange = undefined;
    try {
      for (const records of Object.values(data.collections)) for (const r of Object.values(records)) this.put(r);
    } finally {
      this.onChange = listener;
    }
    this.onChange?.({ type: 'replaced' });
  }
}

function linksOf(r: EntityRecord): LinkRef[] {
  const links: LinkRef[] = [];
  for (const key of Object.keys(r)) {
    if (key === '__typename') continue;
    const v = r[key];
    if (isLinkRef(v)) links.push(v);
    else if (Array.isArray(v)) for (const item of v) if (isLinkRef(item)) links.push(item);
  }
  return links;
}

const sameLinks = (a: readonly LinkRef[], b: readonly LinkRef[]): boolean =>
  a.length === b.length && a.every((link, i) => link.id === b[i]!.id && link.__link === b[i]!.__link);

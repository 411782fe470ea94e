/**
 * Narrows a `createdOn: {from, to}` search to the ids created in that window. Ids are assigned
 * in creation order and `createdOn` comes from the account's clock, which only moves forward, so
 * while the store reports a collection as ordered (`Store.createdOnOrdered`) the window is one
 * contiguous run of ids, found by binary search: a date search costs about one page of work
 * however far back the window lies.
 */
import { lowerBound, type EntityRecord, type Store } from './store/store.js';

export type IdWindow = { min: number; max: number };

/** Parsed `createdOn` per record (records are replaced, never changed, so the cache stays true). */
const createdMs = new WeakMap<EntityRecord, number>();

export function createdOnMs(record: EntityRecord | undefined): number {
  if (!record) return Number.NaN;
  let ms = createdMs.get(record);
  if (ms === undefined) {
    ms = Date.parse(String(record['createdOn']));
    createdMs.set(record, ms);
  }
  return ms;
}

/** The smallest position in `ids` whose record was created at or after `ms`. */
function firstAtOrAfter(store: Store, typename: string, ids: readonly number[], ms: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (createdOnMs(store.get(typename, String(ids[mid]))) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ids (inclusive) of the records created within `[fromMs, toMs]`, or undefined to scan. */
export function createdOnWindow(store: Store, typename: string, fromMs: number, toMs: number): IdWindow | undefined {
  if (!store.createdOnOrdered(typename)) return undefined;
  const ids = store.candidates(typename);
  const start = fromMs === -Infinity ? 0 : firstAtOrAfter(store, typename, ids, fromMs);
  const end = toMs === Infinity ? ids.length : firstAtOrAfter(store, typename, ids, toMs + 1);
  return start < end ? { min: ids[start]!, max: ids[end - 1]! } : { min: 1, max: 0 };
}

/** The part of an ascending id list inside `window`. */
export function clip(ids: readonly number[], window: IdWindow): readonly number[] {
  return ids.slice(lowerBound(ids, window.min), lowerBound(ids, window.max + 1));
}

/**
 * Cursor paging as Fluent's connections do it (fluent-platform.md §2.4): `first/last/before/
 * after`, edges carrying an opaque `cursor`, `PageInfo` with only `hasNextPage` and
 * `hasPreviousPage`. Order is newest first (§8 #12, [inferred]): descending numeric id, which
 * is creation order. A cursor encodes the record's type and id, so it stays valid while other
 * records are added or removed.
 */
import { SimError } from './errors.js';
import { lowerBound, type EntityRecord } from './store/store.js';

export type PageArgs = { first?: number | null; last?: number | null; before?: string | null; after?: string | null };
export type Page = { edges: { node: EntityRecord; cursor: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
export type PagingLimits = { defaultPageSize: number; maxPageSize: number };

export const encodeCursor = (r: { __typename: string; id: string }): string => Buffer.from(`${r.__typename}:${r.id}`).toString('base64');

export function decodeCursor(cursor: string): { typename: string; id: number } {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const sep = text.lastIndexOf(':');
  const id = Number(text.slice(sep + 1));
  if (sep < 1 || !Number.isInteger(id)) throw new SimError('VALIDATION_FAILED', `"${cursor}" is not a cursor returned by this API`);
  return { typename: text.slice(0, sep), id };
}

function pageSize(args: PageArgs, limits: PagingLimits): { size: number; backwards: boolean } {
  const requested = args.last ?? args.first ?? limits.defaultPageSize;
  if (requested < 0) throw new SimError('VALIDATION_FAILED', `first/last must not be negative (got ${requested})`);
  return { size: Math.min(requested, limits.maxPageSize), backwards: args.first == null && args.last != null };
}

/**
 * Pages over one collection's ids (ascending) without materialising the whole result: walks from
 * the newest id down (or, for `last`, from the oldest in range up) and stops one past the page.
 */
export function pageIds(
  idsAsc: readonly number[],
  load: (id: number) => EntityRecord | undefined,
  matches: (r: EntityRecord) => boolean,
  args: PageArgs,
  limits: PagingLimits,
): Page {
  const { size, backwards } = pageSize(args, limits);
  // Range of positions in idsAsc allowed by the cursors: after → smaller ids, before → larger ids.
  let hi = idsAsc.length - 1;
  let lo = 0;
  if (args.after) hi = lowerBound(idsAsc, decodeCursor(args.after).id) - 1;
  if (args.before) {
    const b = decodeCursor(args.before).id;
    lo = lowerBound(idsAsc, b);
    if (idsAsc[lo] === b) lo += 1;
  }
  const picked: EntityRecord[] = [];
  let more = false;
  const step = backwards ? 1 : -1;
  for (let i = backwards ? lo : hi; backwards ? i <= hi : i >= lo; i += step) {
    const r = load(idsAsc[i]!);
    if (!r || !matches(r)) continue;
    if (picked.length === size) {
      more = true;
      break;
    }
    picked.push(r);
  }
  if (backwards) picked.reverse();
  const existsBeyond = (from: number, to: number, dir: number): boolean => {
    for (let i = from; dir > 0 ? i <= to : i >= to; i += dir) {
      const r = load(idsAsc[i]!);
      if (r && matches(r)) return true;
    }
    return false;
  };
  // Items outside the cursor window count for the opposite direction's flag (Relay semantics).
  const hasNextPage = backwards ? (args.before ? existsBeyond(lo - 1, 0, -1) : false) : more;
  const hasPreviousPage = backwards ? more : args.after ? existsBeyond(hi + 1, idsAsc.length - 1, 1) : false;
  return { edges: picked.map((node) => ({ node, cursor: encodeCursor(node) })), pageInfo: { hasNextPage, hasPreviousPage } };
}

/** Pages over an explicit list (relationship connections, several concrete types). */
export function pageRecords(records: EntityRecord[], args: PageArgs, limits: PagingLimits): Page {
  const sorted = [...records].sort((a, b) => Number(b.id) - Number(a.id) || a.__typename.localeCompare(b.__typename));
  const position = (cursor: string): number => {
    const c = decodeCursor(cursor);
    const at = sorted.findIndex((r) => r.__typename === c.typename && Number(r.id) === c.id);
    if (at < 0) throw new SimError('VALIDATION_FAILED', `cursor "${cursor}" does not belong to this connection`);
    return at;
  };
  let start = 0;
  let end = sorted.length;
  if (args.after) start = position(args.after) + 1;
  if (args.before) end = position(args.before);
  const { size, backwards } = pageSize(args, limits);
  const window = sorted.slice(start, Math.max(start, end));
  const picked = backwards ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
  const hasNextPage = backwards ? end < sorted.length : window.length > picked.length;
  const hasPreviousPage = backwards ? window.length > picked.length : start > 0;
  return { edges: picked.map((node) => ({ node, cursor: encodeCursor(node) })), pageInfo: { hasNextPage, hasPreviousPage } };
}

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
/** The paging arguments among a connection field's coerced arguments (`first`/`last`: Int, `before`/`after`: String). */
export function pageArgsOf(args: Record<string, unknown>): PageArgs {
  const int = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { first: int(args['first']), last: int(args['last']), before: text(args['before']), after: text(args['after']) };
}

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
 * Pages over one collection's ids without materialising the result. `lists` are ascending id
 * lists that do not overlap (the whole collection, or one index bucket per filter value); the
 * walk merges them newest first (or, for `last`, oldest first within the cursor window) and
 * stops one record past the page.
 */
export function pageIds(
  lists: readonly (readonly number[])[],
  load: (id: number) => EntityRecord | undefined,
  matches: (r: EntityRecord) => boolean,
  args: PageArgs,
  limits: PagingLimits,
): Page {
  const { size, backwards } = pageSize(args, limits);
  const after = args.after ? decodeCursor(args.after).id : Number.POSITIVE_INFINITY;
  const before = args.before ? decodeCursor(args.before).id : Number.NEGATIVE_INFINITY;
  // Newest first: `after` keeps the smaller ids, `before` the larger ones; the window is the ids
  // strictly between the two cursors.
  const inWindow = (id: number): boolean => id < after && id > before;
  const walk = function* (ascending: boolean, from: number, to: number): Generator<EntityRecord> {
    // Merge the lists between ids `from` and `to` (exclusive bounds) in the requested direction.
    const pos = lists.map((l) => (ascending ? upperBoundIndex(l, from) : lowerBound(l, to) - 1));
    for (;;) {
      let pick = -1;
      for (let i = 0; i < lists.length; i += 1) {
        const v = lists[i]![pos[i]!];
        if (v === undefined || (ascending ? v >= to : v <= from)) continue;
        if (pick < 0 || (ascending ? v < lists[pick]![pos[pick]!]! : v > lists[pick]![pos[pick]!]!)) pick = i;
      }
      if (pick < 0) return;
      const id = lists[pick]![pos[pick]!]!;
      pos[pick] = pos[pick]! + (ascending ? 1 : -1);
      const r = load(id);
      if (r && matches(r)) yield r;
    }
  };
  const picked: EntityRecord[] = [];
  let more = false;
  for (const r of walk(backwards, before, after)) {
    if (!inWindow(Number(r.id))) continue;
    if (picked.length === size) {
      more = true;
      break;
    }
    picked.push(r);
  }
  if (backwards) picked.reverse();
  const any = (it: Generator<EntityRecord>): boolean => !it.next().done;
  // Items outside the cursor window count for the opposite direction's flag (Relay semantics).
  const hasNextPage = backwards ? (args.before ? any(walk(false, Number.NEGATIVE_INFINITY, before + 1)) : false) : more;
  const hasPreviousPage = backwards ? more : args.after ? any(walk(true, after - 1, Number.POSITIVE_INFINITY)) : false;
  return { edges: picked.map((node) => ({ node, cursor: encodeCursor(node) })), pageInfo: { hasNextPage, hasPreviousPage } };
}

/** First index whose id is greater than `id`. */
function upperBoundIndex(ids: readonly number[], id: number): number {
  if (id === Number.NEGATIVE_INFINITY) return 0;
  const at = lowerBound(ids, id);
  return ids[at] === id ? at + 1 : at;
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

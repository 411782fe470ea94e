/**
 * Cursor paging over a computed list whose nodes have no id of their own (`Price`, `WaveItem`):
 * each item carries a stable key (e.g. the owning product and the index in its list) that becomes
 * the opaque cursor. Same arguments and `PageInfo` semantics as `domain/paging.ts`
 * (fluent-platform.md §2.4).
 */
import { SimError } from '../../domain/errors.js';
import type { PageArgs, PagingLimits } from '../../domain/paging.js';

export type KeyedNode<T> = { key: string; node: T };
export type ListPage<T> = { edges: { node: T; cursor: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };

const toCursor = (key: string): string => Buffer.from(key).toString('base64');

/** Pages `items`, already in their final order. */
export function pageList<T>(items: readonly KeyedNode<T>[], args: PageArgs, limits: PagingLimits): ListPage<T> {
  const position = (cursor: string): number => {
    const key = Buffer.from(cursor, 'base64').toString('utf8');
    const at = items.findIndex((i) => i.key === key);
    if (at < 0) throw new SimError('VALIDATION_FAILED', `cursor "${cursor}" does not belong to this connection`);
    return at;
  };
  const requested = args.last ?? args.first ?? limits.defaultPageSize;
  if (requested < 0) throw new SimError('VALIDATION_FAILED', `first/last must not be negative (got ${requested})`);
  const size = Math.min(requested, limits.maxPageSize);
  const backwards = args.first == null && args.last != null;
  const start = args.after ? position(args.after) + 1 : 0;
  const end = args.before ? position(args.before) : items.length;
  const window = items.slice(start, Math.max(start, end));
  const picked = backwards ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
  return {
    edges: picked.map((i) => ({ node: i.node, cursor: toCursor(i.key) })),
    pageInfo: {
      hasNextPage: backwards ? end < items.length : window.length > picked.length,
      hasPreviousPage: backwards ? window.length > picked.length : start > 0,
    },
  };
}

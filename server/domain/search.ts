/**
 * Root searches (`orders(status: [...], first: 100)`): narrows candidates with the store's
 * indexes (ref, status, type) before applying the remaining filters, then pages without
 * materialising the whole result, so a search over 100k orders costs about one page of work.
 */
import type { GraphQLArgument } from 'graphql';
import { buildPredicate } from './filters.js';
import { pageIds, pageRecords, type Page, type PageArgs, type PagingLimits } from './paging.js';
import type { EntityRecord, Store } from './store/store.js';

export type SearchScope = { store: Store; paging: PagingLimits };

export function searchRoot(scope: SearchScope, typenames: string[], argDefs: readonly GraphQLArgument[], args: Record<string, unknown>): Page {
  const { store, paging } = scope;
  const predicate = buildPredicate(store, argDefs, args);
  if (typenames.length === 1) {
    const typename = typenames[0]!;
    let best: (readonly number[])[] = [store.candidates(typename)];
    let bestSize = best[0]!.length;
    for (const field of ['ref', 'status', 'type'] as const) {
      const v = args[field];
      if (!Array.isArray(v) || v.length === 0 || !argDefs.some((a) => a.name === field)) continue;
      const lists = store.candidateLists(typename, field, v.map(String));
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    }
    return pageIds(best, (id) => store.get(typename, String(id)), predicate, args as PageArgs, paging);
  }
  const all: EntityRecord[] = [];
  for (const t of typenames) for (const id of store.candidates(t)) {
    const r = store.get(t, String(id));
    if (r && predicate(r)) all.push(r);
  }
  return pageRecords(all, args as PageArgs, paging);
}

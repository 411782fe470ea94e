/**
 * Root searches (`orders(status: [...], first: 100)`): narrows candidates with the store's
 * indexes (ref, status, type) before applying the remaining filters, then pages without
 * materialising the whole result, so a search over 100k orders costs about one page of work.
 */
import type { GraphQLArgument } from 'graphql';
import { isRecord } from '../lib/guards.js';
import { clip, createdOnWindow } from './created-on-window.js';
import { buildPredicate, parseInstant } from './filters.js';
import { pageArgsOf, pageIds, pageRecords, type Page, type PagingLimits } from './paging.js';
import type { EntityRecord, Store } from './store/store.js';

export type SearchScope = { store: Store; paging: PagingLimits };

/** `createdOn: {from, to}` as instants (already checked by the predicate), when given. */
function createdOnRange(args: Record<string, unknown>): [number, number] | undefined {
  const range = args['createdOn'];
  if (!isRecord(range)) return undefined;
  const from = range['from'] == null ? -Infinity : parseInstant(range['from'], 'createdOn.from');
  const to = range['to'] == null ? Infinity : parseInstant(range['to'], 'createdOn.to');
  return [from, to];
}

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
    const range = createdOnRange(args);
    const window = range && createdOnWindow(store, typename, range[0], range[1]);
    if (window) best = best.map((ids) => clip(ids, window));
    return pageIds(best, (id) => store.get(typename, String(id)), predicate, pageArgsOf(args), paging);
  }
  const all: EntityRecord[] = [];
  for (const t of typenames)
    for (const id of store.candidates(t)) {
      const r = store.get(t, String(id));
      if (r && predicate(r)) all.push(r);
    }
  return pageRecords(all, pageArgsOf(args), paging);
}

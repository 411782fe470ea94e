import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageIds, pageRecords, type PageArgs } from '../../server/domain/paging.js';
import type { EntityRecord } from '../../server/domain/store/store.js';
import { errorOf } from '../support/error-of.js';

const limits = { defaultPageSize: 3, maxPageSize: 5 };
const rec = (id: number): EntityRecord => ({ __typename: 'Order', id: String(id) });
const ids = (page: { edges: { node: EntityRecord }[] }): number[] => page.edges.map((e) => Number(e.node.id));
const cursor = (id: number): string => encodeCursor(rec(id));

/** Ids 1..10 split over two disjoint ascending lists, as two index buckets are. */
const lists = [
  [1, 3, 5, 7, 9],
  [2, 4, 6, 8, 10],
];
const page = (args: PageArgs, matches: (r: EntityRecord) => boolean = () => true) => pageIds(lists, (id) => rec(id), matches, args, limits);

describe('pageIds (searches over index buckets)', () => {
  it('merges the lists newest first, with the default page size and the maximum', () => {
    expect(ids(page({}))).toEqual([10, 9, 8]);
    expect(ids(page({ first: 100 }))).toEqual([10, 9, 8, 7, 6]);
    expect(page({}).pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it('walks forward with after and backward with last/before, with Relay page flags', () => {
    const second = page({ first: 3, after: cursor(8) });
    expect(ids(second)).toEqual([7, 6, 5]);
    expect(second.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    const lastPage = page({ first: 5, after: cursor(5) });
    expect(ids(lastPage)).toEqual([4, 3, 2, 1]);
    expect(lastPage.pageInfo.hasNextPage).toBe(false);

    const back = page({ last: 2, before: cursor(3) });
    expect(ids(back)).toEqual([5, 4]);
    expect(back.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    expect(ids(page({ last: 2 }))).toEqual([2, 1]);
  });

  it('applies the filter while walking, so a page is full even when most records do not match', () => {
    const even = page({ first: 2 }, (r) => Number(r.id) % 2 === 0);
    expect(ids(even)).toEqual([10, 8]);
    expect(ids(page({ first: 2, after: cursor(8) }, (r) => Number(r.id) % 2 === 0))).toEqual([6, 4]);
  });

  it('refuses a negative size and a cursor it did not make', () => {
    expect(errorOf(() => page({ first: -1 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(() => page({ after: 'not-a-cursor' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(decodeCursor(cursor(42))).toEqual({ typename: 'Order', id: 42 });
  });
});

describe('pageRecords (relationship connections)', () => {
  const records = [4, 1, 3, 2, 5].map(rec);
  it('orders newest first and pages with cursors from the same connection', () => {
    const first = pageRecords(records, { first: 2 }, limits);
    expect(ids(first)).toEqual([5, 4]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    const next = pageRecords(records, { first: 2, after: first.edges[1]!.cursor }, limits);
    expect(ids(next)).toEqual([3, 2]);
    expect(next.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    expect(ids(pageRecords(records, { last: 2 }, limits))).toEqual([2, 1]);
  });

  it('refuses a cursor of another connection', () => {
    expect(errorOf(() => pageRecords(records, { after: cursor(99) }, limits))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

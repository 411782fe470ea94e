/**
 * Paged searches of the legacy v4.1 entity endpoints: `retailerId`, `start` (default 0) and
 * `count` (default 100, at most 10,000), as Fluent's Location API page documents them; the Order
 * API search takes the same parameters [inferred]. Without `retailerId`, the records of every
 * retailer the user has a role for ("the Locations for which your authenticated user is
 * authorized"); naming a retailer the user has no role for → 403. Newest first [inferred]. The
 * answer `{start, count, total, results}` is [inferred]: clients read `results`.
 */
import type { Request } from 'express';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { AuthUser } from '../graphql/context.js';
import { assertRetailerAccess, retailerScopeOf } from './retailer-access.js';
import { retailerIdOf } from './views.js';

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 10_000;

export type SearchPage<T> = { start: number; count: number; total: number; results: T[] };

export type SearchOptions = {
  typename: string;
  keep?: ((record: EntityRecord) => boolean) | undefined;
  /** The retailer a record belongs to, for the scope check (default: its `retailer` link). */
  owner?: (record: EntityRecord) => string | undefined;
};

function intParam(query: Request['query'], key: string, fallback: number, min: number, max: number): number {
  const raw = query[key];
  if (raw === undefined) return fallback;
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SimError('VALIDATION_FAILED', `'${key}' must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  }
  return value;
}

/** Values of a query parameter, repeated or comma-separated. */
export function listParam(query: Request['query'], key: string): string[] {
  const raw = query[key];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function searchRecords<T>(
  account: Account,
  user: AuthUser,
  query: Request['query'],
  options: SearchOptions,
  view: (record: EntityRecord) => T,
): SearchPage<T> {
  const start = intParam(query, 'start', 0, 0, Number.MAX_SAFE_INTEGER);
  const count = intParam(query, 'count', DEFAULT_COUNT, 1, MAX_COUNT);
  const [retailerId] = listParam(query, 'retailerId');
  if (retailerId !== undefined) assertRetailerAccess(account, user, retailerId);
  const scope = retailerScopeOf(account, user);
  const ownerOf = options.owner ?? retailerIdOf;
  const inScope = (record: EntityRecord): boolean => {
    const owner = ownerOf(record);
    if (retailerId !== undefined) return owner === retailerId;
    return scope === 'all' || (owner !== undefined && scope.has(owner));
  };
  const matching: EntityRecord[] = [];
  const ids = account.store.candidates(options.typename);
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    const record = account.store.get(options.typename, String(ids[i]));
    if (record && inScope(record) && (options.keep?.(record) ?? true)) matching.push(record);
  }
  const results = matching.slice(start, start + count).map(view);
  return { start, count: results.length, total: matching.length, results };
}

/**
 * Filters of the legacy v4.1 searches, built from query parameters. A value filter keeps the
 * records whose field is one of the parameter's values (repeated or comma-separated, as the
 * Location API's `agentStatuses`); `from` and `to` bound `createdOn` (UTC ISO instants, inclusive,
 * as the Event API's search takes them). Which parameters each search takes is in
 * docs/legacy-rest.md; a malformed date is a 400 and nothing is searched.
 */
import type { Request } from 'express';
import { createdOnMs } from '../domain/created-on-window.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import { listParam } from './legacy-search.js';

export type RecordFilter = (record: EntityRecord) => boolean;

/** Keeps records whose `fieldOf` is one of the values of `param`; undefined when it is absent. */
export function valueFilter(query: Request['query'], param: string, fieldOf: (record: EntityRecord) => unknown): RecordFilter | undefined {
  const wanted = new Set(listParam(query, param));
  if (wanted.size === 0) return undefined;
  return (record) => {
    const value = fieldOf(record);
    return value !== undefined && value !== null && wanted.has(String(value));
  };
}

function instantParam(query: Request['query'], key: 'from' | 'to'): number | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) {
    throw new SimError('VALIDATION_FAILED', `'${key}' must be a UTC ISO date-time such as 2026-01-15T09:00:00.000Z, got "${text}"`);
  }
  return ms;
}

/** `from` ≤ createdOn ≤ `to`; undefined when neither is given. */
export function createdOnFilter(query: Request['query']): RecordFilter | undefined {
  const from = instantParam(query, 'from');
  const to = instantParam(query, 'to');
  if (from === undefined && to === undefined) return undefined;
  return (record) => {
    const at = createdOnMs(record);
    return (from === undefined || at >= from) && (to === undefined || at <= to);
  };
}

/** The conjunction of the filters given, or undefined when there are none. */
export function allOf(filters: readonly (RecordFilter | undefined)[]): RecordFilter | undefined {
  const present = filters.filter((f): f is RecordFilter => f !== undefined);
  if (present.length === 0) return undefined;
  return (record) => present.every((filter) => filter(record));
}

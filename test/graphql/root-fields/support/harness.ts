/**
 * Shared plumbing for the root-field acceptance tests: one in-process simulator per test file,
 * `ok()` to run an operation that must succeed (its errors become the assertion message, so a
 * failing case says what the simulator answered), `fail()` for operations that must fail, and
 * small accessors for connections.
 */
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

/** GraphQL answers are checked value by value; a loose type keeps the cases readable. */
// biome-ignore lint/suspicious/noExplicitAny: test answers are navigated freely and checked by value
export type Json = any;

export type GqlError = { message: string; extensions?: { code?: string } };

export type Harness = TestApp & {
  /** Runs an operation that must succeed and returns its `data`. */
  ok(query: string, variables?: Record<string, unknown>): Promise<Json>;
  /** Runs an operation that must fail and returns its errors. */
  fail(query: string, variables?: Record<string, unknown>): Promise<GqlError[]>;
};

/** The seeded retailer (seeds/default.json, step 0). */
export const RETAILER_ID = '1';

export async function createHarness(): Promise<Harness> {
  const t = await createTestApp();
  return {
    ...t,
    async ok(query, variables) {
      const res = await t.gql<Json>(query, variables);
      if (res.errors?.length) {
        throw new Error(`GraphQL errors: ${res.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join(' | ')}`);
      }
      return res.data;
    },
    async fail(query, variables) {
      const res = await t.gql<Json>(query, variables);
      expect(res.errors, `expected an error, got data ${JSON.stringify(res.data)}`).toBeDefined();
      return res.errors ?? [];
    },
  };
}

/** The nodes of a connection, in the order served. */
export function nodes(connection: Json): Json[] {
  expect(connection, 'connection').toBeTruthy();
  expect(Array.isArray(connection.edges), 'connection.edges is a list').toBe(true);
  return (connection.edges as { node: Json }[]).map((e) => e.node);
}

/** One field of every node of a connection (`refs(orders, 'ref')`). */
export function pluck(connection: Json, field = 'ref'): unknown[] {
  return nodes(connection).map((n) => n[field]);
}

/** A date-range filter around the simulator's frozen clock. */
export const AROUND_NOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.999Z' };
export const LONG_AGO = { from: '2001-01-01T00:00:00.000Z', to: '2001-12-31T23:59:59.999Z' };

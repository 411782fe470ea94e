/**
 * Building blocks of a legacy PUT that reaches past the entity's own fields (an order's items and
 * addresses): a nested field compares what the client sent with what GET shows and turns the
 * changed fields into an update input. Unchanged fields are ignored, so a GET body sent back
 * whole changes nothing; a changed field that cannot be updated is a 400 naming its path.
 */
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import { isObject } from '../lib/is-object.js';
import type { LegacyStep } from './run-legacy-mutation.js';

type Body = Record<string, unknown>;

export type NestedContext = {
  account: Account;
  /** The record the PUT names. */
  record: EntityRecord;
  /** The field as GET shows it. */
  shown: unknown;
  /** The field as the client sent it. */
  sent: unknown;
  /** The entity's own update input, which a nested field may add to. */
  input: Body;
  /** The field's path in the body, for messages. */
  path: string;
};

/** Adds to the entity's update input, or returns further update steps. */
export type NestedField = (context: NestedContext) => LegacyStep[];

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function objectAt(path: string, value: unknown): Body {
  if (!isObject(value)) throw new SimError('VALIDATION_FAILED', `'${path}' must be an object, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The fields of `sent` that differ from `shown`, renamed by `updatable` (REST name → input name).
 * A changed field that is not updatable → 400 `'<path>.<field>' cannot be updated over the <api> API`.
 */
export function changedFields(api: string, path: string, shown: Body, sent: unknown, updatable: Readonly<Record<string, string>>): Body {
  const changes: Body = {};
  for (const [field, value] of Object.entries(objectAt(path, sent))) {
    if (sameValue(shown[field], value)) continue;
    const target = updatable[field];
    if (target === undefined) {
      throw new SimError(
        'VALIDATION_FAILED',
        `'${path}.${field}' cannot be updated over the ${api} API; send only ${Object.keys(updatable).join(', ')} (use GraphQL for the rest)`,
      );
    }
    changes[target] = value;
  }
  return changes;
}

/** The same names on both sides. */
export const sameNames = (fields: readonly string[]): Readonly<Record<string, string>> => Object.fromEntries(fields.map((f) => [f, f]));

/**
 * Every mutation's `input` is nullable in the schema (fluent-platform.md §2.5); a missing one is
 * answered as the generic mutations do: C0140E.
 */
import { isRecord } from '../../lib/guards.js';
import { SimError } from '../errors.js';

export function requireInput<T>(input: T | null | undefined, field: string): T {
  if (input === undefined || input === null) throw new SimError('MISSING_VARIABLES', `C0140E: ${field} needs an "input" argument`);
  return input;
}

/** `requireInput` for an `input` read from coerced arguments, where it is an input object. */
export function requireInputObject(input: unknown, field: string): Record<string, unknown> {
  const value = requireInput(input, field);
  if (!isRecord(value)) throw new SimError('VALIDATION_FAILED', `${field}: "input" must be an input object`);
  return value;
}

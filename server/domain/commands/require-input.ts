/**
 * Every mutation's `input` is nullable in the schema (fluent-platform.md §2.5); a missing one is
 * answered as the generic mutations do: C0140E.
 */
import { SimError } from '../errors.js';

export function requireInput<T>(input: T | null | undefined, field: string): T {
  if (input === undefined || input === null) throw new SimError('MISSING_VARIABLES', `C0140E: ${field} needs an "input" argument`);
  return input;
}

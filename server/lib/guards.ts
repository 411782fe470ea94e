/**
 * Type guards for values whose type is only known at run time (parsed JSON, caught errors,
 * coerced GraphQL input), so callers narrow with a check instead of an `as` cast.
 */

/** A non-null, non-array object: parsed JSON objects, GraphQL input objects, records. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects among `value` (a list, or one value standing for a list of one); anything else is skipped. */
export function recordsIn(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]).filter(isRecord);
}

/** A caught error's message; a thrown non-Error is turned into text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads one property of an unknown value: `undefined` when it is not an object or lacks it. */
export function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** `value` is one of `options` (a list of string literals): narrows a string to their union. */
export function isOneOf<T extends string>(options: readonly T[], value: string): value is T {
  return options.some((option) => option === value);
}

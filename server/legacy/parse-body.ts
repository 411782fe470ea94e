/**
 * Shared checks for legacy REST bodies: an object, the required fields first (each missing one
 * → 400 `'field' is required` with code `NotNull`, the platform's wording, fluent-platform.md §7),
 * then the zod schema (a wrong type → 400 naming the field). Nothing is written before this passes.
 */
import type { z } from 'zod';
import { SimError } from '../domain/errors.js';
import { isRecord, propertyOf } from '../lib/guards.js';

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Reads `a.b.c` from an object, undefined when a step is missing. */
function at(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => propertyOf(value, key), body);
}

export function parseBody<S extends z.ZodType>(body: unknown, schema: S, required: readonly string[], example: string): z.output<S> {
  if (!isRecord(body)) {
    throw new SimError('VALIDATION_FAILED', `The request body must be a JSON object: ${example}`);
  }
  for (const field of required) {
    if (isMissing(at(body, field))) throw new SimError('REQUIRED_FIELD_MISSING', `'${field}' is required`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new SimError('VALIDATION_FAILED', parsed.error.issues.map((issue) => `'${issue.path.join('.')}': ${issue.message}`).join('; '));
  }
  return parsed.data;
}

/** A Fluent id: real clients send strings, some numbers; stored ids are strings. */
export const idText = (value: string | number): string => String(value).trim();

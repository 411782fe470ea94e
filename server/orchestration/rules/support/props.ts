/**
 * zod pieces shared by rule props. Real workflow files write every prop as a string, numbers
 * included (`"delay": "60"`), and lists either as JSON arrays or comma-separated strings, so the
 * schemas coerce; a missing required prop fails at load time, as Fluent's
 * `PropertyNotFoundException` does (fluent-platform.md §5.4).
 */
import { z } from 'zod';
import { parseIsoDuration } from '../../../lib/iso-duration.js';

/** A required, non-empty event name. */
export const eventName = z.string().trim().min(1);

/** A scalar compared against entity fields or attributes (`"EXPRESS"`, `"100"`, `true`). */
export const scalarValue = z.union([z.string(), z.number(), z.boolean()]);

/** One or more statuses: `["A","B"]`, `"A"` or `"A, B"` → `['A', 'B']`, never empty. */
export const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .transform((list) => list.map((s) => s.trim()).filter((s) => s.length > 0))
  .refine((list) => list.length > 0, { message: 'Expected at least one status' });

/**
 * A delay in seconds (Fluent's `TimePeriod`, "Number of seconds"), given as a number, a numeric
 * string, or an ISO-8601 duration (`PT10M`); returned in milliseconds.
 */
export const delaySeconds = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text = String(value).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Math.round(Number(text) * 1_000) : parseIsoDuration(text);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: `Expected a delay in seconds (e.g. "600") or an ISO-8601 duration, got "${text}"` });
    return z.NEVER;
  }
  return ms;
});

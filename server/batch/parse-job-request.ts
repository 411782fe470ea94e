/**
 * `POST /api/v4.1/job` body → a job request (fluent-platform.md §4.2), or a SimError with the
 * platform's message: missing `name` → 400 `'name' is required` (code "400"), missing
 * `retailerId` → 400 `'retailerId' is required` (code "NotNull", §7, §8 #8).
 */
import { z } from 'zod';
import { SimError } from '../domain/errors.js';
import { isRecord } from '../lib/guards.js';

export type JobRequest = { name: string; retailerId: string; meta: Record<string, unknown> | null };

const jobBodySchema = z.looseObject({
  name: z.string({ error: 'expected a string' }),
  // Real clients send a string, some a number (§4.2); responses always carry a string.
  retailerId: z.union([z.string(), z.number()], { error: 'expected a string or a number' }).transform(String),
  meta: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
});

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

export function parseJobRequest(body: unknown): JobRequest {
  if (!isRecord(body)) {
    throw new SimError('VALIDATION_FAILED', 'The request body must be a JSON object: {"name": "…", "retailerId": "1", "meta": {…}}');
  }
  if (isMissing(body['name'])) throw new SimError('VALIDATION_FAILED', "'name' is required");
  if (isMissing(body['retailerId'])) throw new SimError('REQUIRED_FIELD_MISSING', "'retailerId' is required");
  const parsed = jobBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new SimError('VALIDATION_FAILED', parsed.error.issues.map((issue) => `'${issue.path.join('.')}': ${issue.message}`).join('; '));
  }
  return { name: parsed.data.name, retailerId: parsed.data.retailerId, meta: parsed.data.meta ?? null };
}

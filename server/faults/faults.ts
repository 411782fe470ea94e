/**
 * Fault injection (docs/fault-injection.md), as WireMock and LocalStack offer it: per account, a
 * chosen API route or GraphQL operation answers an error or is slowed down, webhook deliveries to
 * a URL fail or are delayed, async events wait before they are processed. Each fault fires for
 * its next `times` matches and/or a `ratio` of them; what fired is counted, logged, and listed by
 * `GET /_sim/faults`. Reset clears an account's faults.
 *
 * This module decides; the HTTP middleware, the webhook transport and the engine act.
 */
import { z } from 'zod';
import { SimError } from '../domain/errors.js';

const Trigger = {
  /** Fires for the next N matches, then is spent. Absent: every match. */
  times: z.number().int().positive().optional(),
  /** Fires for this share of matches (0–1), at random. @default 1 */
  ratio: z.number().min(0).max(1).optional(),
};

export const FaultInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('http'),
    /** HTTP method; absent: any. */
    method: z.string().min(1).optional(),
    /** Path, exact, or a prefix ending in `*` (`/api/v4.1/event/*`); absent: any platform path. */
    path: z.string().startsWith('/').optional(),
    /** GraphQL operation name or root field (`createOrder`); only requests to /graphql match. */
    operation: z.string().min(1).optional(),
    /** Answer this status instead of running the request (absent: run it, after `delayMs`). */
    status: z.number().int().min(200).max(599).optional(),
    /** The answer's body; absent: the platform's error shape for the status. */
    body: z.unknown().optional(),
    /** `errors[].code` of the default body (REST) or `extensions.code` (GraphQL). */
    code: z.string().min(1).optional(),
    message: z.string().min(1).optional(),
    /** Added latency in milliseconds (before the error, or before the real answer). */
    delayMs: z.number().int().min(0).max(120_000).optional(),
    ...Trigger,
  }),
  z.strictObject({
    type: z.literal('webhook'),
    /** Delivery URL, exact, or a prefix ending in `*`; absent: every URL. */
    url: z.string().min(1).optional(),
    /** The receiver "answers" this status (the attempt fails and is retried on schedule). */
    status: z.number().int().min(100).max(599).optional(),
    /** The attempt fails as a refused connection would. */
    error: z.literal('connection').optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    ...Trigger,
  }),
  z.strictObject({
    type: z.literal('event'),
    /** Event name; absent: every async event. */
    name: z.string().min(1).optional(),
    /** Processing of a matching async event starts this many real milliseconds later. */
    delayMs: z.number().int().min(1).max(600_000),
    ...Trigger,
  }),
]);

export type FaultSpec = z.infer<typeof FaultInput>;
export type Fault = FaultSpec & { id: string; account: string; matched: number; fired: number; remaining: number | null };

export type FaultsOptions = {
  /** Told of every fault that fires (the log). */
  onFire?: (fault: Fault, detail: string) => void;
  /** Randomness for `ratio` (tests inject a fixed one). */
  random?: () => number;
};

export class Faults {
  /** maps account id to its faults, in the order they were added */
  private readonly byAccount = new Map<string, Fault[]>();
  private nextId = 1;

  constructor(private readonly options: FaultsOptions = {}) {}

  /** Checks one fault definition (400 with what is wrong) and adds it to the account. */
  add(account: string, input: unknown): Fault {
    const parsed = FaultInput.safeParse(input);
    if (!parsed.success) throw new SimError('VALIDATION_FAILED', `Invalid fault: ${z.prettifyError(parsed.error)}`);
    const spec = parsed.data;
    if (spec.type === 'webhook' && spec.status === undefined && spec.error === undefined && spec.delayMs === undefined) {
      throw new SimError('VALIDATION_FAILED', 'Invalid fault: a webhook fault needs status, error or delayMs');
    }
    if (spec.type === 'http' && spec.status === undefined && spec.delayMs === undefined) {
      throw new SimError('VALIDATION_FAILED', 'Invalid fault: an http fault needs status or delayMs');
    }
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, account, matched: 0, fired: 0, remaining: spec.times ?? null };
    this.byAccount.set(account, [...(this.byAccount.get(account) ?? []), fault]);
    return fault;
  }

  list(account: string): Fault[] {
    return (this.byAccount.get(account) ?? []).map((f) => ({ ...f }));
  }

  /** Removes one fault (`id`) or all of the account's; returns how many were removed. */
  clear(account: string, id?: string): number {
    const faults = this.byAccount.get(account) ?? [];
    const kept = id === undefined ? [] : faults.filter((f) => f.id !== id);
    this.byAccount.set(account, kept);
    return faults.length - kept.length;
  }

  /** The first live fault of `type` for which `matches` holds and whose trigger fires now. */
  take<T extends FaultSpec['type']>(
    account: string,
    type: T,
    matches: (fault: Extract<Fault, { type: T }>) => boolean,
    detail: string,
  ): Extract<Fault, { type: T }> | undefined {
    for (const fault of this.byAccount.get(account) ?? []) {
      if (fault.type !== type || fault.remaining === 0) continue;
      // `fault.type === type` makes it the member of type T, which TypeScript cannot narrow to for a generic T.
      const typed = fault as Extract<Fault, { type: T }>;
      if (!matches(typed)) continue;
      fault.matched += 1;
      if ((this.options.random ?? Math.random)() >= (fault.ratio ?? 1)) continue;
      fault.fired += 1;
      if (fault.remaining !== null) fault.remaining -= 1;
      this.options.onFire?.(fault, detail);
      return typed;
    }
    return undefined;
  }
}

/** `value` equals `pattern`, or starts with it when the pattern ends in `*`. */
export function matchesPattern(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  return pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
}

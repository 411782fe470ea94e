/**
 * Webhook retry policy, in one place (fluent-platform.md §6.7, open question §8 #18).
 *
 * Reading [inferred]: 4 attempts in total. The first goes out at once; each retry is due the
 * schedule's delay after the *start* of the attempt that failed, so the time a slow receiver or
 * a timeout takes never pushes the schedule back (at once when that instant has passed):
 * - `default`:     +2 s, +4 s, +8 s  → attempts at 0, 2, 6, 14 s ("retried 3 times within 14 seconds");
 * - `exponential`: +1 min, +1 h, +1 day.
 * A connection error, a timeout and a non-2xx answer all count as a failed attempt (§8 #18).
 */
import type { Setting } from '../orchestration/domain-view.js';

export type RetryScheduleName = 'default' | 'exponential';

/** Retailer-context setting that selects the schedule (fluent-platform.md §5.5). */
export const RETRY_SCHEDULE_SETTING = 'fc.rubix.sdk.webhook.retry.schedule';

/** Attempts per delivery, the first included. */
export const MAX_ATTEMPTS = 4;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delay before retry n+1, indexed by the number (1-based) of the attempt that failed, minus 1. */
export const RETRY_DELAYS_MS: Readonly<Record<RetryScheduleName, readonly number[]>> = {
  default: [2 * SECOND, 4 * SECOND, 8 * SECOND],
  exponential: [MINUTE, HOUR, DAY],
};

/**
 * How long to wait after attempt `failedAttempt` (1-based) failed, or null when it was the
 * last attempt and the delivery is FAILED.
 */
export function retryDelayMs(schedule: RetryScheduleName, failedAttempt: number): number | null {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1 || failedAttempt >= MAX_ATTEMPTS) return null;
  return RETRY_DELAYS_MS[schedule][failedAttempt - 1] ?? null;
}

/**
 * Reads the schedule from the `fc.rubix.sdk.webhook.retry.schedule` setting: `exponential`
 * (case and surrounding whitespace ignored, in `value` or a string `lobValue`) selects the
 * exponential schedule; anything else, or no setting, the default one.
 */
export function retryScheduleFromSetting(setting: Pick<Setting, 'value' | 'lobValue'> | undefined): RetryScheduleName {
  if (!setting) return 'default';
  const raw = setting.value ?? (typeof setting.lobValue === 'string' ? setting.lobValue : null);
  const text =
    typeof raw === 'string'
      ? raw
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .trim()
          .toLowerCase()
      : '';
  return text === 'exponential' ? 'exponential' : 'default';
}

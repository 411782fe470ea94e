import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs, retryScheduleFromSetting, type RetryScheduleName } from '../../server/webhooks/retry-schedule.js';

describe('retryDelayMs', () => {
  it.each<[RetryScheduleName, number, number | null]>([
    ['default', 1, 2_000],
    ['default', 2, 4_000],
    ['default', 3, 8_000],
    ['default', 4, null],
    ['exponential', 1, 60_000],
    ['exponential', 2, 3_600_000],
    ['exponential', 3, 86_400_000],
    ['exponential', 4, null],
    ['default', 0, null],
    ['default', 1.5, null],
  ])('waits, on the %s schedule after failed attempt %d, %s ms', (schedule, failed, expected) => {
    expect(retryDelayMs(schedule, failed)).toBe(expected);
  });

  it('puts the 4 default attempts at 0, 2, 6 and 14 s', () => {
    const times = [0];
    for (let n = 1; n < MAX_ATTEMPTS; n += 1) times.push(times[n - 1]! + retryDelayMs('default', n)!);
    expect(times).toEqual([0, 2_000, 6_000, 14_000]);
  });
});

describe('retryScheduleFromSetting', () => {
  const setting = (value: string | null, lobValue: unknown = null) => ({ value, lobValue });
  it.each<[string, ReturnType<typeof setting> | undefined, RetryScheduleName]>([
    ['no setting', undefined, 'default'],
    ['exponential', setting('exponential'), 'exponential'],
    ['EXPONENTIAL with spaces', setting('  EXPONENTIAL '), 'exponential'],
    ['a JSON string', setting('"exponential"'), 'exponential'],
    ['exponential as lobValue', setting(null, 'exponential'), 'exponential'],
    ['default', setting('default'), 'default'],
    ['anything else', setting('linear'), 'default'],
    ['a non-string lobValue', setting(null, { schedule: 'exponential' }), 'default'],
  ])('reads %s as %s', (_label, value, expected) => {
    expect(retryScheduleFromSetting(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { createClock } from '../../server/lib/clock.js';

const START = new Date('2026-01-01T00:00:00Z');

describe('the virtual clock', () => {
  it('starts frozen at the given instant and moves only when told', async () => {
    const clock = createClock({ start: START, frozen: true });
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    await clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:30.000Z');
    await clock.set(new Date('2025-12-31T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2025-12-31T00:00:00.000Z');
    clock.dispose();
  });

  it('runs due timers in time order, each seeing now at its own due time, including timers they schedule', async () => {
    const clock = createClock({ start: START, frozen: true });
    const t0 = START.getTime();
    const seen: string[] = [];
    clock.schedule(t0 + 3_000, () => void seen.push(`c@${clock.nowMs() - t0}`));
    clock.schedule(t0 + 1_000, () => {
      seen.push(`a@${clock.nowMs() - t0}`);
      clock.schedule(t0 + 2_000, () => void seen.push(`b@${clock.nowMs() - t0}`));
    });
    clock.schedule(t0 + 10_000, () => void seen.push('late'));
    await clock.advance(5_000);
    expect(seen).toEqual(['a@1000', 'b@2000', 'c@3000']);
    expect(clock.nowMs() - t0).toBe(5_000);
    expect(clock.pending().map((t) => t.at - t0)).toEqual([10_000]);
    clock.dispose();
  });

  it('forgets cancelled timers and refuses to go backwards by a negative advance', async () => {
    const clock = createClock({ start: START, frozen: true });
    let ran = false;
    const handle = clock.schedule(START.getTime() + 1, () => void (ran = true));
    clock.cancel(handle);
    await clock.advance(10);
    expect(ran).toBe(false);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(clock.advance(Number.NaN)).rejects.toThrow(RangeError);
    clock.dispose();
  });

  it('runs with an injected wall clock while not frozen, and keeps its place across freeze and unfreeze', () => {
    let wall = 1_000_000;
    const clock = createClock({ start: START, wall: () => wall });
    wall += 5_000;
    expect(clock.nowMs() - START.getTime()).toBe(5_000);
    clock.freeze();
    wall += 60_000;
    expect(clock.nowMs() - START.getTime()).toBe(5_000);
    clock.unfreeze();
    wall += 1_000;
    expect(clock.nowMs() - START.getTime()).toBe(6_000);
    expect(clock.isFrozen()).toBe(false);
    clock.dispose();
  });
});

/**
 * The one virtual clock (design §2 principle 4). All domain time comes from here: createdOn,
 * scheduled events, webhook retries, job closing. (Token lifetimes are not domain time: they run
 * on the wall clock, auth/tokens.ts.) Tests freeze and advance it;
 * advancing runs the timers that became due, in time order.
 *
 * Running (not frozen), virtual time moves with the wall clock from an offset; timers are armed
 * on the real event loop for their remaining delay. Frozen, time only moves by `advance`/`set`.
 */
export type TimerHandle = { readonly id: number; readonly at: number };

type Timer = { id: number; at: number; run: () => void | Promise<void> };

export interface Clock {
  now(): Date;
  nowMs(): number;
  isFrozen(): boolean;
  freeze(): void;
  unfreeze(): void;
  /** Moves time forward by `ms` and runs what became due. Never goes back. */
  advance(ms: number): Promise<void>;
  /** Jumps to an instant (may be earlier: tests use it to start from a fixed day) and runs due timers. */
  set(at: Date): Promise<void>;
  /** Runs `run` when virtual time reaches `at` (epoch ms). */
  schedule(at: number, run: () => void | Promise<void>): TimerHandle;
  cancel(handle: TimerHandle): void;
  /** Pending timers, soonest first (for diagnostics and snapshots). */
  pending(): readonly TimerHandle[];
  /** Stops real-time arming (process shutdown). */
  dispose(): void;
}

export type ClockOptions = {
  /** Start instant; defaults to the wall clock. */
  start?: Date;
  /** Start frozen. @default false */
  frozen?: boolean;
  /** The wall clock; injected in tests. */
  wall?: () => number;
};

/** Real (wall-clock) time in epoch ms: the one reader of `Date.now` outside tests. */
export const wallClock = (): number => Date.now();

export function createClock(options: ClockOptions = {}): Clock {
  const wall = options.wall ?? wallClock;
  let frozen = options.frozen ?? false;
  // virtual = wall + offset while running; virtual = frozenAt while frozen.
  // Read the wall clock once, so a frozen clock starts exactly at `start`.
  const wallAtStart = wall();
  let offset = (options.start?.getTime() ?? wallAtStart) - wallAtStart;
  let frozenAt = wallAtStart + offset;
  let nextId = 1;
  let timers: Timer[] = [];
  let realTimer: NodeJS.Timeout | undefined;
  let disposed = false;

  const nowMs = (): number => (frozen ? frozenAt : wall() + offset);

  async function runDue(until: number): Promise<void> {
    // Timers may schedule more timers; keep going while something is due.
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      await due.run();
    }
  }

  function arm(): void {
    if (realTimer) clearTimeout(realTimer);
    realTimer = undefined;
    if (frozen || disposed || timers.length === 0) return;
    const soonest = Math.min(...timers.map((t) => t.at));
    const delay = Math.max(0, Math.min(soonest - nowMs(), 2_147_000_000));
    realTimer = setTimeout(() => {
      void runDue(nowMs()).then(arm, arm);
    }, delay);
    realTimer.unref();
  }

  return {
    now: () => new Date(nowMs()),
    nowMs,
    isFrozen: () => frozen,
    freeze() {
      if (frozen) return;
      frozenAt = nowMs();
      frozen = true;
      arm();
    },
    unfreeze() {
      if (!frozen) return;
      offset = frozenAt - wall();
      frozen = false;
      arm();
    },
    async advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
      const target = nowMs() + ms;
      await moveTo(target);
    },
    async set(at: Date) {
      await moveTo(at.getTime());
    },
    schedule(at, run) {
      const timer: Timer = { id: nextId++, at, run };
      timers.push(timer);
      arm();
      return { id: timer.id, at };
    },
    cancel(handle) {
      timers = timers.filter((t) => t.id !== handle.id);
      arm();
    },
    pending: () => timers.map((t) => ({ id: t.id, at: t.at })).sort((a, b) => a.at - b.at),
    dispose() {
      disposed = true;
      if (realTimer) clearTimeout(realTimer);
    },
  };

  async function moveTo(target: number): Promise<void> {
    // Run due timers one at a time, soonest first, each seeing "now" at its own due time.
    for (;;) {
      const next = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      setNow(Math.max(next.at, nowMs()));
      timers = timers.filter((t) => t !== next);
      await next.run();
    }
    setNow(target);
    arm();
  }

  function setNow(ms: number): void {
    if (frozen) frozenAt = ms;
    else offset = ms - wall();
  }
}

/**
 * Decides which due webhook attempt goes on the wire next, for every account of the simulator.
 *
 * Jobs wait in lanes, one per owner (an account's webhook service), receiver origin and webhook
 * name (the setting's `name`). Owners take turns, and within an owner its lanes take turns, so a
 * burst from one setting or one tenant never queues ahead of everyone else's deliveries
 * (issue 16 #6, "fair scheduling across settings and accounts"). At most `maxInFlight` attempts
 * run at once in all, and `maxInFlightPerOrigin` to one origin, so a slow or hanging receiver
 * holds a few slots and never the whole simulator.
 *
 * It runs on the real event loop (never the virtual clock) and never looks inside a job.
 */

export type DispatchJob = {
  /** The account's service that submitted it. */
  owner: string;
  /** Scheme, host and port of the receiver. */
  origin: string;
  /** Webhook name; jobs of one owner, origin and name are run in order. */
  name: string;
  run: () => Promise<void>;
};

export type DispatcherOptions = {
  /** Attempts in flight at once, all accounts and receivers together. @default 32 */
  maxInFlight?: number;
  /** Attempts in flight at once to one origin (scheme, host, port). @default 8 */
  maxInFlightPerOrigin?: number;
};

export interface Dispatcher {
  submit(job: DispatchJob): void;
  /** Forgets the owner's jobs not yet started; returns how many. */
  drop(owner: string): number;
  stats(): { inFlight: number; queued: number };
}

type Lane = { origin: string; jobs: DispatchJob[] };

export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const maxInFlight = options.maxInFlight ?? 32;
  const maxPerOrigin = options.maxInFlightPerOrigin ?? 8;
  /** owner → lanes by `origin name`; both maps in turn order (served entries move to the back). */
  const owners = new Map<string, Map<string, Lane>>();
  const inFlightByOrigin = new Map<string, number>();
  let inFlight = 0;
  let queued = 0;
  let pumpScheduled = false;

  const hasRoom = (origin: string): boolean => (inFlightByOrigin.get(origin) ?? 0) < maxPerOrigin;

  /** The owner's next job whose origin has room; its lane moves to the back. */
  function takeFrom(lanes: Map<string, Lane>): DispatchJob | undefined {
    for (const [key, lane] of lanes) {
      if (!hasRoom(lane.origin)) continue;
      const job = lane.jobs.shift()!;
      lanes.delete(key);
      if (lane.jobs.length > 0) lanes.set(key, lane);
      queued -= 1;
      return job;
    }
    return undefined;
  }

  function start(job: DispatchJob): void {
    inFlight += 1;
    inFlightByOrigin.set(job.origin, (inFlightByOrigin.get(job.origin) ?? 0) + 1);
    const done = (): void => {
      inFlight -= 1;
      const left = (inFlightByOrigin.get(job.origin) ?? 1) - 1;
      if (left > 0) inFlightByOrigin.set(job.origin, left);
      else inFlightByOrigin.delete(job.origin);
      schedulePump();
    };
    job.run().then(done, done);
  }

  function pump(): void {
    let progressed = true;
    while (progressed && inFlight < maxInFlight && queued > 0) {
      progressed = false;
      for (const [owner, lanes] of owners) {
        if (inFlight >= maxInFlight) break;
        const job = takeFrom(lanes);
        if (!job) continue;
        // The owner goes to the back: owners take turns.
        owners.delete(owner);
        if (lanes.size > 0) owners.set(owner, lanes);
        progressed = true;
        start(job);
      }
    }
  }

  function schedulePump(): void {
    if (pumpScheduled || queued === 0) return;
    pumpScheduled = true;
    // Off the caller's stack (the engine's or a clock timer's).
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  }

  return {
    submit(job) {
      const lanes = owners.get(job.owner) ?? new Map<string, Lane>();
      owners.set(job.owner, lanes);
      const key = `${job.origin} ${job.name}`;
      const lane = lanes.get(key);
      if (lane) lane.jobs.push(job);
      else lanes.set(key, { origin: job.origin, jobs: [job] });
      queued += 1;
      schedulePump();
    },
    drop(owner) {
      const lanes = owners.get(owner);
      if (!lanes) return 0;
      let count = 0;
      for (const lane of lanes.values()) count += lane.jobs.length;
      owners.delete(owner);
      queued -= count;
      return count;
    },
    stats: () => ({ inFlight, queued }),
  };
}

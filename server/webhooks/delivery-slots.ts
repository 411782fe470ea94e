/**
 * The concurrency limits of webhook delivery: deliveries ready to be attempted wait here by
 * origin (scheme, host, port), FIFO within an origin, and origins take turns; at most
 * `maxInFlight` attempts run at once, and at most `maxPerOrigin` to one origin, so a slow,
 * hanging or dead receiver holds a few slots and never delays the others.
 */
export type DeliverySlotsOptions = {
  maxInFlight: number;
  maxPerOrigin: number;
};

export interface DeliverySlots {
  /** Queues a ready delivery behind the others of its origin. */
  push(origin: string, id: string): void;
  /**
   * Takes ready deliveries while slots are free, round-robin over origins, and hands each id to
   * `start` (which must call `acquire` for the ones it runs).
   */
  take(start: (id: string) => void): void;
  /** Marks an attempt to `origin` in flight. */
  acquire(origin: string): void;
  /** Marks an attempt to `origin` finished. */
  release(origin: string): void;
  /** Forgets every ready delivery (attempts in flight keep their slots until released). */
  clearReady(): void;
  readonly ready: number;
  readonly inFlight: number;
}

export function createDeliverySlots(options: DeliverySlotsOptions): DeliverySlots {
  const { maxInFlight, maxPerOrigin } = options;
  /** Ready deliveries by origin, FIFO within an origin; origins are served round-robin. */
  const queues = new Map<string, string[]>();
  let ready = 0;
  const inFlightByOrigin = new Map<string, number>();
  let inFlight = 0;

  return {
    push(origin, id) {
      const queue = queues.get(origin);
      if (queue) queue.push(id);
      else queues.set(origin, [id]);
      ready += 1;
    },
    take(start) {
      let progressed = true;
      while (inFlight < maxInFlight && ready > 0 && progressed) {
        progressed = false;
        for (const [origin, queue] of queues) {
          if (inFlight >= maxInFlight) break;
          if ((inFlightByOrigin.get(origin) ?? 0) >= maxPerOrigin) continue;
          const id = queue.shift();
          ready -= 1;
          // Rotate: the origin goes to the back, so origins take turns.
          queues.delete(origin);
          if (queue.length > 0) queues.set(origin, queue);
          progressed = true;
          if (id !== undefined) start(id);
        }
      }
    },
    acquire(origin) {
      inFlight += 1;
      inFlightByOrigin.set(origin, (inFlightByOrigin.get(origin) ?? 0) + 1);
    },
    release(origin) {
      inFlight -= 1;
      const left = (inFlightByOrigin.get(origin) ?? 1) - 1;
      if (left > 0) inFlightByOrigin.set(origin, left);
      else inFlightByOrigin.delete(origin);
    },
    clearReady() {
      queues.clear();
      ready = 0;
    },
    get ready() {
      return ready;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

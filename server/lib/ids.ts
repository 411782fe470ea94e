/**
 * Id generators. Entity ids are numeric strings as on the platform (fluent-platform.md §2.5:
 * "ids assigned as Fluent does"); event ids are UUIDs (§3.6). Both are injectable so tests and
 * seeded runs are deterministic.
 */
import { randomUuid } from './random-uuid.js';

export interface Ids {
  /** Next numeric id for a collection, as a string ("1", "2", …). */
  nextNumeric(collection: string): string;
  uuid(): string;
  /** Counters, for persistence and snapshots. */
  counters(): Record<string, number>;
  restore(counters: Record<string, number>): void;
}

export type IdsOptions = {
  /** Deterministic UUIDs (v4-shaped, derived from a counter) instead of random ones. */
  deterministicUuids?: boolean;
};

export function createIds(options: IdsOptions = {}): Ids {
  let counters: Record<string, number> = {};
  let uuidCounter = 0;
  return {
    nextNumeric(collection) {
      const next = (counters[collection] ?? 0) + 1;
      counters[collection] = next;
      return String(next);
    },
    uuid() {
      if (!options.deterministicUuids) return randomUuid();
      uuidCounter += 1;
      const hex = uuidCounter.toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    },
    counters: () => ({ ...counters, __uuid: uuidCounter }),
    restore(saved) {
      const { __uuid, ...rest } = saved;
      counters = { ...rest };
      uuidCounter = __uuid ?? 0;
    },
  };
}

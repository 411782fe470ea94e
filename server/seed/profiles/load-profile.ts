/**
 * `--seed small|demo|large`: generates a profile's seed, runs its steps through the GraphQL
 * mutations (as `applySeed` does, so CREATE events fire), lets the workflows book every order,
 * then drives a planned share of the orders on through their workflows.
 *
 * Works on a fresh account (the simulator's `seedAccount`, before the default user exists) and
 * on an account that already has retailer 1 and the ADMIN role (`--seed none`, then a test
 * calls it): the retailer is updated instead of created and existing roles are kept.
 */
import type { Account } from '../../account.js';
import { SimError } from '../../domain/errors.js';
import { applySeed, type SeedStep } from '../load-seed.js';
import { activateLocations, driveOrders, plannedEventCount } from './drive-orders.js';
import { generateProfile, PROFILE_RETAILER_ID, type ProfileSeed } from './generate-profile.js';
import type { SeedProfile } from './profile-sizes.js';

export { isSeedProfile, SEED_PROFILES, type SeedProfile } from './profile-sizes.js';
export { MAX_SEED_VALUE } from './generate-profile.js';

/** The seed value when `--seed-value` is not given. */
export const DEFAULT_SEED_VALUE = 1;

/**
 * Profiles whose events are quiet (SubmitOptions.quiet, as a batch's): every event keeps its
 * ORCHESTRATION record, audits are written only for failures. `large` raises ~1.2 million audit
 * records, of which the event log's retention (100,000) would keep the last twelfth, and writing
 * them was most of its load time [simulator choice].
 */
const QUIET_PROFILES: ReadonlySet<SeedProfile> = new Set(['large']);

/** Steps between two drains of the engine while a profile loads (keeps its queue short). */
const DRAIN_EVERY = 250;

export type ProfileProgress = (done: number, total: number) => void;

export type LoadedProfile = {
  /** Number of the profile's orders in each status once loaded. */
  counts: Record<string, number>;
  /** Mutations run. */
  steps: number;
  /** Events submitted to activate locations and drive orders. */
  events: number;
};

/**
 * Loads a generated profile into an account with an orchestration engine. `onProgress` is called
 * about every 5 % of the work (steps, then location and order events) and once at the end.
 * Throws a CONFIG_INVALID SimError naming the step when a mutation fails (e.g. the profile was
 * already loaded), an INTERNAL one when a workflow event does not complete.
 */
export async function loadProfile(account: Account, profile: SeedProfile, seedValue: number, onProgress?: ProfileProgress): Promise<LoadedProfile> {
  const engine = account.orchestration?.engine;
  if (!engine) throw new SimError('INTERNAL', `Account "${account.id}" needs its orchestration engine before a seed profile is loaded`);
  const seed = adaptToAccount(account, generateProfile(profile, seedValue));
  const events = plannedEventCount(seed.plan);
  const total = seed.steps.length + events;
  const report = progressReporter(total, onProgress);

  const quiet = QUIET_PROFILES.has(profile);
  await applySeed(account, seed, `seed profile ${profile} (seed value ${seedValue})`, { onStep: report, drainEvery: DRAIN_EVERY, quiet });
  await engine.drain();
  await activateLocations(account, seed.plan, { onEvent: (n) => report(seed.steps.length + n), quiet });
  const counts = await driveOrders(account, seed.plan, { onEvent: (n) => report(seed.steps.length + seed.plan.locations.length + n), quiet });
  report(total, true);
  return { counts, steps: seed.steps.length, events };
}

/** Calls `onProgress` each time another ~5 % is done, and at the end. */
function progressReporter(total: number, onProgress: ProfileProgress | undefined): (done: number, final?: boolean) => void {
  const every = Math.max(1, Math.ceil(total / 20));
  let next = every;
  return (done, final = false) => {
    if (!onProgress) return;
    if (final) onProgress(total, total);
    else if (done >= next && done < total) {
      onProgress(done, total);
      next = (Math.floor(done / every) + 1) * every;
    }
  };
}

/**
 * Fits a generated seed to what the account already has: retailer 1 is updated rather than
 * created, roles and records that exist (by name / code) are not created again.
 */
export function adaptToAccount(account: Account, seed: ProfileSeed): ProfileSeed {
  const existing = (typename: string, field: string, value: unknown): boolean =>
    account.store.candidates(typename).some((id) => account.store.get(typename, String(id))?.[field] === value);
  const records = Object.fromEntries(
    Object.entries(seed.records ?? {}).map(([typename, list]) => {
      const key = typename === 'Currency' ? 'alphabeticCode' : 'name';
      return [typename, list.filter((r) => !existing(typename, key, r[key]))];
    }),
  );
  const retailerExists = account.store.get('Retailer', PROFILE_RETAILER_ID) !== undefined;
  const steps = seed.steps.flatMap((step): SeedStep[] => {
    if (step.mutation === 'createRetailer' && step.as === 'retailer' && retailerExists) {
      return [{ mutation: 'updateRetailer', input: { id: PROFILE_RETAILER_ID, ...step.input }, as: 'retailer' }];
    }
    if (step.mutation === 'createRole' && existing('Role', 'name', step.input['name'])) return [];
    return [step];
  });
  return { ...seed, records, steps };
}

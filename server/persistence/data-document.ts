/**
 * Between the live simulator and a data document: `captureDocument` takes the whole state (for a
 * snapshot; records are shared, not copied), `restoreDocument` puts a document back (at start,
 * and to roll back to what is on disk after a failed write).
 */
import type { Simulator } from '../simulator.js';
import { captureAccount, restoreAccount } from '../state/account-state.js';
import { persistedClockOf } from './change-tracker.js';
import { DATA_FORMAT, DATA_VERSION, type DataDocument, type PersistedClock } from './data-file.js';

/** Process-wide state kept in the data file (tokens, the webhook key), by name. */
export type SharedPart = { toJSON(): unknown; restore(data: unknown): void };

/** The process-wide parts a data file keeps: tokens, and the webhook signing key. */
export function sharedPartsOf(sim: Simulator): Record<string, SharedPart> {
  return {
    tokens: sim.tokens,
    // Read back before the simulator is built (start.ts passes it to createSimulator).
    webhookKeys: { toJSON: () => ({ privateKeyPem: sim.webhookKeys.privateKeyPem }), restore: () => undefined },
  };
}

export function captureDocument(sim: Simulator, shared: Record<string, SharedPart>, generation: number): DataDocument {
  return {
    format: DATA_FORMAT,
    version: DATA_VERSION,
    savedOn: new Date().toISOString(),
    generation,
    accounts: [...sim.accounts.values()].map((account) => ({
      spec: sim.specs.get(account.id)!,
      state: captureAccount(account),
      clock: persistedClockOf(account),
    })),
    shared: Object.fromEntries(Object.entries(shared).map(([name, part]) => [name, part.toJSON()])),
  };
}

/**
 * Makes the simulator hold `doc`: accounts it lacks are created, the others restored; with
 * `dropOthers` (a roll-back), accounts the document does not know are removed.
 */
export async function restoreDocument(
  sim: Simulator,
  doc: DataDocument,
  shared: Record<string, SharedPart>,
  options: { dropOthers?: boolean } = {},
): Promise<void> {
  for (const [name, part] of Object.entries(shared)) if (name in doc.shared) part.restore(doc.shared[name]);
  for (const persisted of doc.accounts) {
    const account = sim.accounts.get(persisted.spec.id) ?? (await sim.createAccount(persisted.spec));
    restoreAccount(account, persisted.state);
    if (persisted.clock.frozen) account.clock.freeze();
    else account.clock.unfreeze();
    await account.clock.set(new Date(clockNow(persisted.clock)));
  }
  if (!options.dropOthers) return;
  const kept = new Set(doc.accounts.map((a) => a.spec.id));
  for (const [id, account] of sim.accounts) {
    if (kept.has(id)) continue;
    sim.dropAccount(account);
  }
}

/** A running clock keeps its offset from the wall clock across the restart; a frozen one its instant. */
function clockNow(clock: PersistedClock): number {
  const saved = Date.parse(clock.now);
  return clock.frozen || clock.savedAt === undefined ? saved : saved + (Date.now() - clock.savedAt);
}

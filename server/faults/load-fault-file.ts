/** `--faults FILE`: a JSON list of faults (as `POST /_sim/faults` takes them) for the default account. */
import { readFileSync } from 'node:fs';
import { SimError } from '../domain/errors.js';
import type { Simulator } from '../simulator.js';
import { errorMessage } from '../lib/guards.js';

export function loadFaultFile(sim: Simulator, path: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--faults ${path} cannot be read as JSON: ${errorMessage(error)}`);
  }
  const list: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  try {
    for (const fault of list) sim.faults.add(sim.config.account, fault);
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--faults ${path}: ${errorMessage(error)}`);
  }
}

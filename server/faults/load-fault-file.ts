/** `--faults FILE`: a JSON list of faults (as `POST /_sim/faults` takes them) for the default account. */
import { readFileSync } from 'node:fs';
import { SimError } from '../domain/errors.js';
import type { Simulator } from '../simulator.js';

export function loadFaultFile(sim: Simulator, path: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--faults ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  try {
    for (const fault of list) sim.faults.add(sim.config.account, fault);
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--faults ${path}: ${(error as Error).message}`);
  }
}

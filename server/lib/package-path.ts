/**
 * Finds a file shipped with the package (schema/, seeds/, rulesets/) from both the sources
 * (`server/…`) and the build (`dist/server/…`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packagePath(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, relative))) return join(dir, relative);
    dir = dirname(dir);
  }
  throw new Error(`${relative} not found in the fluent-sim package; reinstall it`);
}

/**
 * docs/architecture.md names five layers and which folders belong to each; no file in `server/`
 * may import (even a type) from a layer above its own. This keeps the page and the import graph
 * in step until the lint rule takes over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../server/lib/package-path.js';

const SERVER = packagePath('server');
const LAYERS = ['lib', 'domain', 'services', 'simulator', 'http'] as const;
type Layer = (typeof LAYERS)[number];

/** The layer of a file, from the table in docs/architecture.md. */
function layerOf(file: string): Layer {
  const path = relative(SERVER, file);
  const top = path.split('/')[0]!;
  // Fault injection: the fault list and the faulty transport sit under the simulator; its routes,
  // middleware and file loader are HTTP.
  if (top === 'faults') return ['faults/faults.ts', 'faults/fault-fetch.ts'].includes(path) ? 'services' : 'http';
  if (['http', 'cli', 'pull', 'console'].includes(top) || ['app.ts', 'main.ts', 'cli.ts', 'start.ts', 'testing.ts'].includes(path)) return 'http';
  if (['state', 'persistence', 'seed', 'legacy'].includes(top) || ['simulator.ts', 'account.ts', 'config.ts'].includes(path)) return 'simulator';
  if (['graphql', 'orchestration', 'webhooks', 'batch', 'auth', 'plugins'].includes(top)) return 'services';
  if (top === 'domain') return 'domain';
  if (top === 'lib') return 'lib';
  throw new Error(`${path} belongs to no layer of docs/architecture.md`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('docs/architecture.md layers', () => {
  it('lists the layers in the order the page draws them', () => {
    const page = readFileSync(packagePath('docs/architecture.md'), 'utf8');
    const drawn = [...page.matchAll(/^(\w+)\s{2,}server\//gm), ...page.matchAll(/^(\w+)\s{2,}(?:simulator\.ts|graphql\/|domain\/|lib\/)/gm)].map((m) => m[1]);
    expect(drawn).toEqual([...LAYERS].reverse());
  });

  it('has no import from a higher layer in server/', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(SERVER)) {
      const layer = layerOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = normalize(join(dirname(file), spec!.replace(/\.js$/, '.ts')));
        const targetLayer = layerOf(target);
        if (LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer))
          upward.push(`${relative(SERVER, file)} (${layer}) → ${relative(SERVER, target)} (${targetLayer})`);
      }
    }
    expect(upward).toEqual([]);
  });
});

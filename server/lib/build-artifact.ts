/**
 * Where a file `npm run build` writes beside the bundle (`dist/server/<name>`) is read from: next
 * to the running build (tsc's output in `dist/server/…` or the bundle in `dist/server/bundle/`),
 * never from the sources, so a test run from `server/` does not read an artifact an older build
 * left behind. From the sources the path names no file, and the reader falls back to its own work.
 */
import { fileURLToPath } from 'node:url';

export function buildArtifact(name: string): string {
  return fileURLToPath(new URL(`../${name}`, import.meta.url));
}

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Three projects: `unit` (in-process: pure parts and HTTP through supertest on port 0) for the
 * inner loop (`npm run test:unit`), `e2e` (spawns the built CLI, the npm package, the container
 * contract) and `browser` (the web console in Chromium, `npm run test:browser`). `npm test` runs all.
 */
export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module); Node loads the CJS build for our dependencies,
  // so the tests must too, or graphql-js sees two copies of its classes ("another realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    root,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/browser/**'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] },
      },
      {
        // Chromium (Debian's, /usr/bin/chromium) through playwright-core: the web console.
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullCommandOptions } from '../../server/cli.js';
import { RemoteAccount } from '../../server/pull/remote-account.js';
import { runPull } from '../../server/pull/run-pull.js';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The pull client's connection handling: a dropped connection is retried (a large pull makes
 * dozens of read-only requests), and an unreachable account ends the pull with one line.
 */
describe('pull: connections', () => {
  let t: TestApp;
  let server: Listening;
  let dir: string;
  const credentials = (url: string) => ({ url, account: 'LOCAL', clientId: 'LOCAL', clientSecret: 'local-secret', username: 'admin', password: 'password' });

  beforeAll(async () => {
    t = await createTestApp();
    server = await listen(t.app);
    dir = mkdtempSync(join(tmpdir(), 'fluent-sim-pull-conn-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('retries a request whose connection failed, then goes on', async () => {
    // Calls in order: the token fails twice then answers; the first GraphQL page fails once.
    const fails = [true, true, false, true, false];
    const paths: string[] = [];
    const flaky: typeof fetch = async (input, init) => {
      paths.push(new URL(String(input)).pathname);
      if (fails.shift()) throw new TypeError('fetch failed', { cause: new Error('other side closed') });
      return fetch(input, init);
    };
    const remote = new RemoteAccount(credentials(server.url), flaky);
    await remote.authenticate();
    expect((await remote.all<{ ref: string }>('retailers', 'ref')).map((r) => r.ref)).toEqual(['LOCAL']);
    expect(paths).toEqual(['/oauth/token', '/oauth/token', '/oauth/token', '/graphql', '/graphql']);
  });

  it('ends with one line when the account cannot be reached', async () => {
    const closed = await listen(t.app);
    await closed.close();
    let text = '';
    const sink = { write: (chunk: string) => void (text += chunk) } as unknown as NodeJS.WritableStream;
    const options: PullCommandOptions = { ...credentials(closed.url), out: join(dir, 'x.json'), maxPositions: 10, orders: 0, includeSecrets: false };
    expect(await runPull(options, fetch, sink)).toBe(1);
    expect(text).toMatch(
      new RegExp(`^pull failed: Cannot reach ${closed.url.replace(/\./g, '\\.')} \\(fetch failed: .*ECONNREFUSED.*\\), after 3 attempts\\n$`),
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envName, FLAGS } from '../../server/cli.js';
import { ensureBuilt, hasLine, killAll, ROOT, runCli, startCli, VERSION, type RunningCli } from '../support/spawn-cli.js';

/**
 * The real `fluent-sim` process (`node dist/server/main.js`, the package's bin) on port 0:
 * help, version, flag and env parsing, errors, signals and the healthcheck command.
 */
beforeAll(ensureBuilt, 180_000);

/** commander wraps help at 80 columns; compare with whitespace collapsed. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.concurrent('fluent-sim --help', () => {
  it.for([{ args: ['--help'] }, { args: ['start', '--help'] }])('$args lists every flag with its env variable and default', async ({ args }, { expect }) => {
    const res = await runCli(args);
    expect(res.code).toBe(0);
    const help = flat(res.stdout);
    for (const f of FLAGS) {
      expect(help, `--${f.flag}`).toContain(`--${f.flag} ${f.arg}`);
      expect(help, `--${f.flag}`).toContain(`[env ${envName(f.flag)}] (default: ${f.defaultText})`);
    }
  });

  it('documents the healthcheck command and its --url', async ({ expect }) => {
    const res = await runCli(['healthcheck', '--help']);
    expect(res.code).toBe(0);
    expect(flat(res.stdout)).toContain('--url <url> base URL [env FLUENT_SIM_URL]');
  });
});

describe.concurrent('fluent-sim version', () => {
  it.for([{ args: ['--version'] }, { args: ['-v'] }, { args: ['version'] }])('$args prints the package.json version', async ({ args }, { expect }) => {
    const res = await runCli(args);
    expect(res).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});

describe.concurrent('fluent-sim argument errors', () => {
  it('exits non-zero on an unknown flag and names it', async ({ expect }) => {
    const res = await runCli(['--no-such-flag']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain("unknown option '--no-such-flag'");
  });

  it.for([
    { args: ['--port', 'abc'], expected: /expected number/, names: /port/ },
    { args: ['--port', '70000'], expected: /65535/, names: /port/ },
    { args: ['--unknown-rules', 'maybe'], expected: /"skip"\|"error"/, names: /unknown-?rules/i },
    { args: ['--refresh-tokens', 'yes'], expected: /"true"\|"false"/, names: /refresh-?tokens/i },
    { args: ['--clock-start', 'yesterday'], expected: /datetime/i, names: /clock-?start/i },
  ])('exits non-zero on $args and says what was expected', async ({ args, expected, names }, { expect }) => {
    const res = await runCli(args);
    expect(res.code).not.toBe(0);
    expect(res.stdout).not.toContain('listening on');
    expect(res.stderr).toMatch(expected);
    expect(res.stderr).toMatch(names);
  });

  it('rejects a bad value from the environment the same way', async ({ expect }) => {
    const res = await runCli([], { env: { FLUENT_SIM_PORT: 'abc' } });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/expected number[\s\S]*port/);
  });
});

describe('fluent-sim start', () => {
  afterEach(killAll);

  it('takes the port from FLUENT_SIM_PORT and prints the URL, credentials and webhook public key', async () => {
    const sim = await startCli([], { env: { FLUENT_SIM_PORT: '0', FLUENT_SIM_CLIENT_SECRET: 'from-env' } });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.url).not.toMatch(/:8686$/);
    expect(sim.stdout()).toContain('client_secret=from-env');
    const served = await (await fetch(`${sim.url}/_sim/webhooks/public-key`)).text();
    expect(served).toContain('-----BEGIN PUBLIC KEY-----');
    expect(sim.stdout()).toContain(served.trimEnd());
    const health = await fetch(`${sim.url}/_sim/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'UP', version: VERSION });
    await sim.stop();
  });

  it('lets a flag win over its environment variable', async () => {
    const sim = await startCli(['--port', '0', '--client-secret', 'from-flag'], { env: { FLUENT_SIM_PORT: '1', FLUENT_SIM_CLIENT_SECRET: 'from-env' } });
    expect(sim.stdout()).toContain('client_secret=from-flag');
    await sim.stop();
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('exits 0 within two seconds on %s', async (signal) => {
    const sim = await startCli(['--port', '0']);
    const res = await sim.stop(signal);
    expect(res).toMatchObject({ code: 0, signal: null });
    expect(res.ms).toBeLessThan(2_000);
    expect(hasLine(res.stderr, 'shutting down', signal), res.stderr).toBe(true);
    expect(hasLine(res.stderr, '"level":50') || hasLine(res.stderr, 'ERROR'), res.stderr).toBe(false);
  });
});

describe('fluent-sim healthcheck', () => {
  let sim: RunningCli;
  beforeAll(async () => {
    sim = await startCli(['--port', '0']);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('exits 0 for a running simulator', async () => {
    const res = await runCli(['healthcheck', '--url', sim.url]);
    expect(res.code).toBe(0);
  });

  it('reads the URL from FLUENT_SIM_URL', async () => {
    const res = await runCli(['healthcheck'], { env: { FLUENT_SIM_URL: sim.url } });
    expect(res.code).toBe(0);
  });

  it('exits 1 when nothing answers', async () => {
    const res = await runCli(['healthcheck', '--url', 'http://127.0.0.1:1']);
    expect(res.code).toBe(1);
  });
});

describe('the recipes and the Dockerfile', () => {
  it.each(['docs/recipes.md', 'Dockerfile'])('%s name only FLUENT_SIM_* variables the CLI reads', (file) => {
    const known = new Set([...FLAGS.map((f) => envName(f.flag)), envName('url')]);
    const named = new Set(readFileSync(join(ROOT, file), 'utf8').match(/FLUENT_SIM_[A-Z0-9_]+/g));
    expect([...named].filter((v) => !known.has(v))).toEqual([]);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasLine, killAll, ROOT, runCli, startCli, VERSION, withoutNpmVars } from '../support/spawn-cli.js';

/**
 * The npm package as a user gets it: `npm pack`, install the tarball into an empty folder (no
 * TypeScript there), then `npx fluent-sim --port 0` and a token + GraphQL round trip. Needs the
 * npm registry for the dependencies (`--prefer-offline` uses the local cache first).
 *
 * The tarball is packed with `--ignore-scripts` from the dist/ that `ensureBuilt()` made: `npm
 * pack` would otherwise run `prepare` (a second tsc writing dist/ while other test files run it).
 */
type PackResult = { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] };

const INSTALL_TIMEOUT = 8 * 60_000;
/** Allowed in the tarball: the compiled server, the runtime data, and npm's always-included files. */
const SHIPPED = [
  /^dist\/server\/.+\.(js|cjs|d\.ts)$/,
  /^dist\/server\/fluent-schema\.table\.json$/,
  /^dist\/server\/parsed-workflows\.json$/,
  /^schema\/fluent\.graphql$/,
  /^seeds\/[^/]+\.json$/,
  /^rulesets\/[^/]+\.json$/,
  /^console\/[^/]+\.(html|css|js)$/,
  /^package\.json$/,
  /^README\.md$/,
  /^docs\/[^/]+\.md$/,
  /^LICEN[CS]E(\.\w+)?$/,
];

const npmEnv = withoutNpmVars();

/**
 * Needs the npm registry. In CI (`CI` set, as `.ci/run` runs) it always runs, so an unreachable
 * registry fails the run; elsewhere it is skipped, with a line saying so, when `npm ping` fails.
 */
const registry = process.env['CI'] ? { reachable: true } : await pingRegistry();
if (!registry.reachable) console.warn(`skipping the npm package tests: the npm registry is not reachable (${registry.why})`);

describe.skipIf(!registry.reachable)('the npm package', () => {
  let work: string;
  let pack: PackResult;
  let app: string;

  beforeAll(async () => {
    await ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'fluent-sim-pack-'));
    const packed = await runCli(['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      command: ['npm'],
      cwd: ROOT,
      env: npmEnv,
      timeoutMs: 120_000,
    });
    expect(packed.code, packed.stderr).toBe(0);
    [pack] = JSON.parse(packed.stdout) as [PackResult];

    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    const installed = await runCli(['install', join(work, pack.filename), '--no-audit', '--no-fund', '--prefer-offline'], {
      command: ['npm'],
      cwd: app,
      env: npmEnv,
      timeoutMs: INSTALL_TIMEOUT - 60_000,
    });
    expect(installed.code, `npm install of the tarball failed (the npm registry must be reachable):\n${installed.stderr}`).toBe(0);
  }, INSTALL_TIMEOUT);

  afterEach(killAll);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled server, schema, seeds and rulesets only', () => {
    const paths = pack.files.map((f) => f.path);
    expect(paths.filter((p) => !SHIPPED.some((re) => re.test(p)))).toEqual([]);
    for (const p of ['dist/server/main.js', 'schema/fluent.graphql', 'seeds/default.json', 'console/index.html', 'package.json', 'README.md'])
      expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('rulesets/'))).toBe(true);
    // The CLI ships bundled with the dependencies it loads at start (≈ 0.65 MB compressed,
    // docs/decisions.md); the limit still catches GraphiQL's page (9 MB) or node_modules slipping in.
    expect(pack.size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('installs without TypeScript or dev dependencies', () => {
    const modules = join(app, 'node_modules');
    expect(existsSync(join(modules, 'fluent-sim/dist/server/main.js'))).toBe(true);
    expect(existsSync(join(modules, '.bin/fluent-sim'))).toBe(true);
    for (const dev of ['typescript', 'vitest', 'supertest', '@types']) expect(existsSync(join(modules, dev)), dev).toBe(false);
    expect(readdirSync(join(modules, 'fluent-sim')).sort()).toEqual(expect.arrayContaining(['dist', 'package.json', 'rulesets', 'schema', 'seeds']));
  });

  it('starts with `npx fluent-sim --port 0`, serves a token and GraphQL, and stops on SIGTERM', async () => {
    // --yes=false: never fetch a registry package of the same name. Own process group: npx runs the bin under `sh -c` and does not forward SIGTERM, so the
    // signal goes to the group, as a terminal's Ctrl-C or a CI runner's cancel does.
    const sim = await startCli(['--port', '0'], {
      command: ['npx', '--yes=false', 'fluent-sim'],
      cwd: app,
      env: npmEnv,
      detached: true,
      readyTimeoutMs: 60_000,
    });
    try {
      const health = await fetch(`${sim.url}/_sim/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'UP', version: VERSION });
      // The web console's files come with the package.
      const consolePage = await fetch(`${sim.url}/console/`);
      expect(consolePage.status).toBe(200);
      expect(await consolePage.text()).toContain('<script type="module" src="app.js">');

      const token = await fetch(`${sim.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          scope: 'api',
          client_id: 'LOCAL',
          client_secret: 'local-secret',
          username: 'admin',
          password: 'password',
        }),
      });
      expect(token.status).toBe(200);
      const { access_token } = (await token.json()) as { access_token: string };

      const me = await fetch(`${sim.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect(await me.json()).toEqual({ data: { me: { username: 'admin' } } });
    } finally {
      const stopped = await sim.stop('SIGTERM', { group: true });
      expect(stopped.ms).toBeLessThan(3_000);
      expect(hasLine(stopped.stderr, 'shutting down', 'SIGTERM'), stopped.stderr).toBe(true);
      expect(liveGroupMembers(sim.child.pid!), 'processes of the npx group still running').toEqual([]);
    }
  });

  it('exports fluent-sim/testing with its types to a consumer', async () => {
    const script = [
      "import { startSimulator } from 'fluent-sim/testing';",
      'const sim = await startSimulator();',
      "console.log(JSON.stringify(await sim.graphql('{ me { username } }')));",
      'await sim.stop();',
    ].join('\n');
    const res = await runCli(['--input-type=module', '-e', script], { command: ['node'], cwd: app, timeoutMs: 60_000 });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ data: { me: { username: 'admin' } } });
    const { exports } = JSON.parse(readFileSync(join(app, 'node_modules/fluent-sim/package.json'), 'utf8')) as { exports: Record<string, { types?: string }> };
    expect(existsSync(join(app, 'node_modules/fluent-sim', exports['./testing']!.types!))).toBe(true);
  });

  it('exits 0 quickly on SIGTERM when the installed bin runs directly', async () => {
    const sim = await startCli(['--port', '0'], { command: [join(app, 'node_modules/.bin/fluent-sim')], cwd: app });
    const stopped = await sim.stop('SIGTERM');
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(2_000);
  });
});

async function pingRegistry(): Promise<{ reachable: boolean; why?: string }> {
  const res = await runCli(['ping'], { command: ['npm'], cwd: ROOT, env: npmEnv, timeoutMs: 15_000 }).catch((e: Error) => ({ code: 1, stderr: e.message }));
  return res.code === 0 ? { reachable: true } : { reachable: false, why: res.stderr.trim().split('\n').pop() ?? 'npm ping failed' };
}

/** Pids of the process group that are still running (zombies, which the machine's init may reap late, do not count). */
function liveGroupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may contain spaces, so split after ')'.
        const [state, , pgrp] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(pgrp) === pgid && state !== 'Z' ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
}

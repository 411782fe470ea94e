import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FLAGS } from '../../server/cli.js';
import { ensureBuilt, killAll, ROOT, runCli, startCli, VERSION } from '../support/spawn-cli.js';

/**
 * The Dockerfile's contract, checked without a Docker engine (none on these machines): parse the
 * final stage, then run its exact ENTRYPOINT + CMD with its ENV from the project root (the
 * image's WORKDIR holds the same layout) against the built dist/, and its exact HEALTHCHECK
 * command against that process and against nothing.
 */
type Instruction = { keyword: string; args: string };
type Stage = { from: string; name?: string; instructions: Instruction[] };

/** Splits a Dockerfile into stages of instructions: joins `\` continuations, drops comments. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  if (pending) logical.push(pending);
  const stages: Stage[] = [];
  for (const line of logical.filter((l) => l.trim() !== '')) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line.trim()) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === 'FROM') {
      const [from = '', , name] = words(instruction.args).filter((w) => !w.startsWith('--'));
      stages.push({ from, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** Shell-like words: whitespace-separated, with "…" / '…' quoting and backslash escapes. */
function words(text: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + (c === '\\' && quote === '"' && i + 1 < text.length ? text[++i] : c);
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + (c === '\\' && i + 1 < text.length ? text[++i] : c);
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** `ENV a=1 b="x y"` (and the legacy `ENV a 1`) → entries. */
function envPairs(args: string): [string, string][] {
  if (!/^\S+=/.test(args)) {
    const [key = '', ...rest] = args.split(/\s+/);
    return [[key, rest.join(' ')]];
  }
  return words(args).map((w) => {
    const i = w.indexOf('=');
    return [w.slice(0, i), w.slice(i + 1)];
  });
}

/** Exec form `["…", …]` → its words; anything else (shell form) → undefined. */
function execForm(args: string | undefined): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args ?? '');
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const final = stages.at(-1)!;
const all = (keyword: string): string[] => final.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const last = (keyword: string): string | undefined => all(keyword).at(-1);

const env = Object.fromEntries(all('ENV').flatMap(envPairs));
// Exec form keeps node as PID 1's direct command, so STOPSIGNAL reaches it (shell form runs `/bin/sh -c`).
const entrypoint = execForm(last('ENTRYPOINT')) ?? [];
const cmd = execForm(last('CMD')) ?? [];
const healthcheck = execForm(last('HEALTHCHECK')?.replace(/^(--\S+\s+)*CMD\s+/, '')) ?? [];
const exposed = all('EXPOSE')
  .flatMap((a) => words(a))
  .map((p) => p.replace(/\/tcp$/, ''));
const defaultPort = FLAGS.find((f) => f.flag === 'port')!.defaultText;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };

describe('Dockerfile final stage', () => {
  it('is read by a parser that handles continuations, comments and quoting', () => {
    const [first, second] = parseDockerfile('FROM a AS one\nENV A=1 \\\n# note\n    B="x y" C=\'$z\'\nFROM --platform=linux/amd64 b\nenv D 4 5\n');
    expect(first).toMatchObject({ from: 'a', name: 'one' });
    expect(first!.instructions.flatMap((i) => envPairs(i.args))).toEqual([
      ['A', '1'],
      ['B', 'x y'],
      ['C', '$z'],
    ]);
    expect(second).toMatchObject({ from: 'b', instructions: [{ keyword: 'ENV', args: 'D 4 5' }] });
    expect(envPairs('D 4 5')).toEqual([['D', '4 5']]);
  });

  it('is multi-stage on a maintained LTS slim Node image', () => {
    expect(stages.length).toBeGreaterThan(1);
    for (const stage of stages) expect(stage.from).toMatch(/^node:(22|24)-slim$/);
  });

  it('runs as a non-root user', () => {
    const user = last('USER');
    expect(user, 'USER is missing: the image would run as root').toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('exposes the CLI default port and listens on every interface', () => {
    expect(exposed).toEqual([defaultPort]);
    expect(env['FLUENT_SIM_HOST']).toBe('0.0.0.0');
    // The healthcheck reads FLUENT_SIM_PORT too, so both follow `docker run -e FLUENT_SIM_PORT=…`.
    expect(env['FLUENT_SIM_PORT'] ?? defaultPort).toBe(defaultPort);
  });

  it('starts the package bin with node directly, stops on SIGTERM and checks health without curl or wget', () => {
    expect(entrypoint, `ENTRYPOINT in exec form: ${last('ENTRYPOINT')}`).toEqual(['node', pkg.bin['fluent-sim']]);
    expect(cmd, `CMD in exec form: ${last('CMD')}`).toEqual(['start']);
    expect(last('STOPSIGNAL')).toBe('SIGTERM');
    expect(healthcheck, `HEALTHCHECK CMD in exec form: ${last('HEALTHCHECK')}`).toEqual(['node', pkg.bin['fluent-sim'], 'healthcheck']);
  });

  it('copies every path the npm package ships', () => {
    const copied = all('COPY').flatMap((a) =>
      words(a)
        .filter((w) => !w.startsWith('--'))
        .slice(0, -1),
    );
    const norm = (p: string): string => p.replace(/^\/app\//, '').replace(/\/$/, '');
    // A `!` entry only leaves files out of the npm package (the code cache, which the image keeps).
    const shipped = pkg.files.filter((path) => !path.startsWith('!'));
    for (const path of [...shipped, 'package.json']) expect(copied.map(norm), path).toContain(norm(path));
  });

  it('declares /data as a volume the non-root user can write, for an opt-in --data file', () => {
    const volumes = all('VOLUME').flatMap((a) => execForm(a) ?? words(a));
    expect(volumes).toContain('/data');
    const user = last('USER')!.split(':')[0]!;
    const before = final.instructions.slice(
      0,
      final.instructions.findIndex((i) => i.keyword === 'VOLUME'),
    );
    expect(before.some((i) => i.keyword === 'RUN' && i.args.includes(`chown ${user}`) && i.args.includes('/data'))).toBe(true);
    if (env['FLUENT_SIM_DATA']) expect(volumes.some((v) => env['FLUENT_SIM_DATA']!.startsWith(`${v}/`))).toBe(true);
  });

  it('sends only what it copies as build context (.dockerignore allow-list)', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore[0], '.dockerignore starts by excluding everything').toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    const fromContext = stages
      .flatMap((st) => st.instructions)
      .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
      .flatMap((i) =>
        words(i.args)
          .filter((w) => !w.startsWith('--'))
          .slice(0, -1),
      )
      .map((src) => src.replace(/^\.\//, '').replace(/\/$/, ''));
    for (const src of fromContext)
      expect(
        allowed.some((a) => src === a || src.startsWith(`${a}/`)),
        `${src} is excluded by .dockerignore`,
      ).toBe(true);
    for (const never of ['node_modules', 'dist', 'test', '.git'])
      expect(
        allowed.some((a) => a === never || a.startsWith(`${never}/`)),
        never,
      ).toBe(false);
  });

  it('never runs the prepare script (tsc) during npm ci', () => {
    const installs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const i of installs) expect(i.args).toContain('--ignore-scripts');
  });
});

describe('Dockerfile commands run against dist/', () => {
  /** The image's environment with the exposed port replaced by a free one (port 0, then the one it got). */
  const containerEnv = (port: string): Record<string, string> => ({ ...env, FLUENT_SIM_PORT: port });

  beforeAll(ensureBuilt, 180_000);
  afterEach(killAll);

  it('ENTRYPOINT + CMD start the simulator, HEALTHCHECK passes, STOPSIGNAL stops it with exit 0', async () => {
    const sim = await startCli(cmd, { command: entrypoint, env: containerEnv('0') });
    const port = new URL(sim.url).port;
    const health = await fetch(`${sim.url}/_sim/health`);
    expect(await health.json()).toMatchObject({ status: 'UP', version: VERSION });

    const [hcCmd = '', ...hcArgs] = healthcheck;
    const ok = await runCli(hcArgs, { command: [hcCmd], env: containerEnv(port) });
    expect(ok.code, ok.stderr).toBe(0);

    const stopped = await sim.stop(last('STOPSIGNAL') as NodeJS.Signals);
    expect(stopped).toMatchObject({ code: 0, signal: null });

    const down = await runCli(hcArgs, { command: [hcCmd], env: containerEnv(port) });
    expect(down.code).not.toBe(0);
  });

  it('takes flags in place of CMD (`docker run fluent-sim --seed none`)', async () => {
    const sim = await startCli(['--seed', 'none'], { command: entrypoint, env: containerEnv('0') });
    expect(sim.stdout()).toContain('listening on');
    expect(await sim.stop('SIGTERM')).toMatchObject({ code: 0 });
  });
});

/**
 * Runs the real `fluent-sim` process for end-to-end tests: `node dist/server/main.js …` (or any
 * other command line, e.g. the Dockerfile's ENTRYPOINT + CMD or an installed `npx fluent-sim`),
 * waits for the "listening on" line and a 200 from `/_sim/health` (conditions with deadlines,
 * no fixed sleeps), and stops it with a signal. Also `runCli` for commands that exit by
 * themselves (`--help`, `version`, `healthcheck`), and `killAll` for an `afterEach`.
 *
 * The tests run against the compiled `dist/`, which may be stale or missing (`npm test` runs
 * `tsc --noEmit` first). `ensureBuilt()` runs `npm run build` at most once per run: vitest gives
 * each test file its own worker, so a module-level promise alone would start one build per file,
 * all writing `dist/` at once. A lock directory serialises them, and the build is skipped when
 * every `server/**\/*.ts` already has newer outputs in `dist/server/` (the first worker builds,
 * the others find it fresh).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file is test/support/spawn-cli.ts). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The compiled entry, the package's `bin`. */
export const MAIN = join(ROOT, 'dist/server/main.js');
/** The package version, as `--version` must print it. */
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const LISTENING = /listening on (http:\/\/\S+)/;

/** Started processes not yet seen to exit; `killAll` and the worker's exit hook clean up after failed tests. */
const running = new Map<ChildProcess, { group: boolean }>();
process.once('exit', () => killAll());

/** SIGKILLs every process `startCli` started that is still running (its whole group when detached). */
export function killAll(): void {
  for (const [child, { group }] of running) {
    try {
      if (group) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

export type ExitResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type RunningCli = {
  /** Base URL parsed from the "listening on" line, e.g. `http://127.0.0.1:41234`. */
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /**
   * Sends `signal` (default SIGTERM) and resolves when the process has exited and closed its
   * output, with how long that took. With `group`, signals the whole process group (what a
   * terminal's Ctrl-C or a CI runner does), for wrappers such as `npx` that do not forward.
   */
  stop(signal?: NodeJS.Signals, options?: { group?: boolean; timeoutMs?: number }): Promise<ExitResult & { ms: number }>;
};

export type SpawnOptions = {
  /** Command and leading arguments; the CLI arguments follow. @default ['node', MAIN] */
  command?: readonly string[];
  /** Added to the environment; `undefined` removes a variable. Inherited `FLUENT_SIM_*` are always removed. */
  env?: Record<string, string | undefined>;
  /** @default ROOT */
  cwd?: string;
  /** Start in a new process group, so `stop(…, { group: true })` reaches the wrapper's children. */
  detached?: boolean;
  /** @default 30_000 */
  readyTimeoutMs?: number;
};

/**
 * Whether one line of `text` holds every part: log lines are JSON (pino) when output is not a
 * terminal, so tests look for words on a line, not for one rendering.
 */
export function hasLine(text: string, ...parts: string[]): boolean {
  return text.split('\n').some((line) => parts.every((p) => line.includes(p)));
}

/** The parent environment without `FLUENT_SIM_*` (a developer's shell must not leak into tests), plus `extra`. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('FLUENT_SIM_')) env[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs a command to completion (default `node dist/server/main.js <args>`) and collects its output. */
export async function runCli(
  args: readonly string[],
  options: Omit<SpawnOptions, 'detached' | 'readyTimeoutMs'> & { timeoutMs?: number } = {},
): Promise<ExitResult> {
  const [cmd, ...lead] = options.command ?? ['node', MAIN];
  const child = spawn(cmd!, [...lead, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  const out = collect(child);
  // 'close', not 'exit': 'exit' can come before the last of stdout has been read (an empty
  // `--help` output was seen on a busy machine).
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const { code, signal } = await closed;
    if (signal === 'SIGKILL') throw new Error(`${[cmd, ...lead, ...args].join(' ')} did not exit within ${timeoutMs} ms\n${out.stdout()}${out.stderr()}`);
    return { code, signal, stdout: out.stdout(), stderr: out.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the simulator and resolves once it printed "listening on <url>" and `/_sim/health`
 * answered 200. The health round trip also proves `main.ts` finished its synchronous start-up
 * (signal handlers included) before a test sends a signal.
 */
export async function startCli(args: readonly string[] = ['--port', '0'], options: SpawnOptions = {}): Promise<RunningCli> {
  const [cmd, ...lead] = options.command ?? ['node', MAIN];
  const commandLine = [cmd, ...lead, ...args].join(' ');
  const child = spawn(cmd!, [...lead, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const out = collect(child);
  running.set(child, { group: options.detached ?? false });
  const done = exited(child);
  void Promise.all([done.catch(() => undefined), out.closed]).then(() => running.delete(child));
  const deadline = performance.now() + (options.readyTimeoutMs ?? 30_000);
  const kill = (): void => {
    if (options.detached) killGroup(child.pid!);
    else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const match = LISTENING.exec(out.stdout());
      if (match) finish(() => resolve(match[1]!));
    };
    const onExit = (): void =>
      finish(() => reject(new Error(`${commandLine} exited (${child.exitCode ?? child.signalCode}) before listening\n${out.stdout()}${out.stderr()}`)));
    const onTimeout = (): void =>
      finish(() => {
        kill();
        reject(new Error(`${commandLine} printed no "listening on" line in time\n${out.stdout()}${out.stderr()}`));
      });
    const timer = setTimeout(onTimeout, deadline - performance.now());
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
      settle();
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });

  for (;;) {
    const status = await fetch(new URL('/_sim/health', url), { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (performance.now() > deadline || child.exitCode !== null) {
      kill();
      throw new Error(`${url}/_sim/health did not answer 200 (last: ${status})\n${out.stdout()}${out.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url,
    child,
    stdout: out.stdout,
    stderr: out.stderr,
    async stop(signal = 'SIGTERM', { group = false, timeoutMs = 10_000 } = {}) {
      const started = performance.now();
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
      const timer = setTimeout(() => (group ? killGroup(child.pid!) : child.kill('SIGKILL')), timeoutMs);
      try {
        const { code, signal: by } = await done;
        // Output closes once every process holding the pipes (a wrapper's children too) is gone.
        await out.closed;
        return { code, signal: by, stdout: out.stdout(), stderr: out.stderr(), ms: performance.now() - started };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function collect(child: ChildProcess): { stdout(): string; stderr(): string; closed: Promise<void> } {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = Promise.all([new Promise((r) => child.stdout!.once('close', r)), new Promise((r) => child.stderr!.once('close', r))]).then(() => undefined);
  return { stdout: () => stdout, stderr: () => stderr, closed };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

// ---- building dist/ once per run ----------------------------------------------------------------

const LOCK = join(ROOT, 'node_modules/.cache/fluent-sim-e2e-build.lock');
let built: Promise<void> | undefined;

/** Builds `dist/` unless it is already newer than every server source; safe to call from every test file. */
export function ensureBuilt(): Promise<void> {
  built ??= buildOnce();
  return built;
}

/** The project's own build (`npm run build`: tsc into dist/), so tests run what `npm pack` ships. */
const BUILD_SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
/** Whether the build emits `.d.ts` (the package's `fluent-sim/testing` types); then they must be fresh too. */
const DECLARATIONS = /--declaration\b/.test(BUILD_SCRIPT);

async function buildOnce(): Promise<void> {
  if (isFresh()) return;
  await acquireLock(180_000);
  try {
    if (isFresh()) return;
    const result = await runCli(['run', 'build'], { command: ['npm'], env: withoutNpmVars(), timeoutMs: 170_000 });
    if (result.code !== 0 && !isFresh()) throw new Error(`npm run build (${BUILD_SCRIPT}) failed (${result.code}):\n${result.stdout}${result.stderr}`);
    // Type errors still emit (tsc exit 2); `npm test` reports them in its `tsc --noEmit` step.
    if (result.code !== 0) console.warn(`[spawn-cli] npm run build reported errors but emitted dist/:\n${result.stdout.slice(0, 2_000)}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `undefined` for each inherited `npm_*` variable (set when the suite runs under `npm test`),
 * which would otherwise make a nested npm act on this checkout's settings; for `runCli`'s `env`.
 */
export function withoutNpmVars(): Record<string, undefined> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => /^npm_/i.test(k) && !/^npm_config_(cache|userconfig|registry)$/i.test(k))
      .map((k) => [k, undefined]),
  );
}

/** True when every server/**\/*.ts has a dist/server/**\/*.js (and .d.ts when the build emits them) at least as new. */
function isFresh(): boolean {
  const sources = listTs(join(ROOT, 'server'));
  return sources.every((src) => {
    const base = join(ROOT, 'dist', relative(ROOT, src)).replace(/\.ts$/, '');
    return [`${base}.js`, ...(DECLARATIONS ? [`${base}.d.ts`] : [])].every((out) => existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs);
  });
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTs(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** A lock directory (mkdir is atomic) holding the owner's pid; a lock whose owner died is taken over. */
async function acquireLock(timeoutMs: number): Promise<void> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (ownerIsDead()) rmSync(LOCK, { recursive: true, force: true });
    else if (performance.now() > deadline) throw new Error(`timed out waiting for another worker's build (lock ${LOCK}); remove it if no test run is active`);
    else await new Promise((r) => setTimeout(r, 200));
  }
}

function ownerIsDead(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    // Just created (pid not written yet) or just released: alive, unless it has stayed that way for long.
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

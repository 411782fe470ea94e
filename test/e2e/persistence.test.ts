import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/spawn-cli.js';

/**
 * `--data FILE` persistence through a real process (issue "crash-safe persistence"): every write
 * acknowledged to a client survives `kill -9`; a damaged file is refused and left untouched.
 * The file really goes to disk (a temp dir), whatever NODE_ENV says.
 */
const MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));

type Running = { child: ChildProcess; url: string };
const children: ChildProcess[] = [];

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--log-level', 'info', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
    method: 'POST',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function publicKey(url: string): Promise<string> {
  return (await fetch(`${url}/_sim/webhooks/public-key`)).text();
}

async function gql(url: string, bearer: string, query: string): Promise<{ data: Record<string, unknown> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data: Record<string, unknown> };
}

beforeAll(() => ensureBuilt(), 300_000);

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('--data FILE', () => {
  it('keeps all 20 acknowledged creates across kill -9 and a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-data-')), 'state.json');
    const first = await start(['--data', file]);
    const bearer = await token(first.url);
    for (let i = 1; i <= 20; i += 1) {
      const res = await gql(
        first.url,
        bearer,
        `mutation { createCustomer(input: { username: "crash-${i}", primaryEmail: "c${i}@x.io", timezone: "UTC", promotionOptIn: false, retailer: { id: "1" } }) { id } }`,
      );
      expect(res.data['createCustomer']).toMatchObject({ id: expect.any(String) });
    }
    const signingKey = await publicKey(first.url);
    const killed = exitOf(first.child);
    first.child.kill('SIGKILL');
    await killed;

    const second = await start(['--data', file]);
    const after = await gql(second.url, await token(second.url), '{ customers(first: 100) { edges { node { username } } } }');
    const names = (after.data['customers'] as { edges: { node: { username: string } }[] }).edges.map((e) => e.node.username);
    for (let i = 1; i <= 20; i += 1) expect(names).toContain(`crash-${i}`);
    // Tokens are part of the state too: the first process's token still works.
    const old = await gql(second.url, bearer, '{ me { username } }');
    expect(old.data['me']).toEqual({ username: 'admin' });
    // So is the webhook signing key (start.ts hands the stored one to the simulator): receivers keep verifying.
    expect(await publicKey(second.url)).toBe(signingKey);
  });

  it('loses no acknowledged write to kill -9 under concurrent writes (3 rounds)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-data-')), 'state.json');
    const acknowledged: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      const running = await start(['--data', file]);
      const bearer = await token(running.url);
      let n = 0;
      let killed = false;
      // Eight writers until the kill; an answer that arrived is an acknowledged write.
      const writer = async (): Promise<void> => {
        while (!killed) {
          const name = `r${round}-${(n += 1)}`;
          try {
            const res = await gql(
              running.url,
              bearer,
              `mutation { createCustomer(input: { username: "${name}", primaryEmail: "${name}@x.io", timezone: "UTC", promotionOptIn: false, retailer: { id: "1" } }) { id } }`,
            );
            if (res.data['createCustomer']) acknowledged.push(name);
          } catch {
            return; // the connection died with the process: not acknowledged
          }
        }
      };
      const writers = Array.from({ length: 8 }, writer);
      await expect.poll(() => acknowledged.filter((a) => a.startsWith(`r${round}-`)).length, { timeout: 10_000 }).toBeGreaterThan(20 + round * 7);
      const exited = exitOf(running.child);
      running.child.kill('SIGKILL');
      killed = true;
      await exited;
      await Promise.all(writers);
    }
    const last = await start(['--data', file]);
    const after = await gql(last.url, await token(last.url), '{ customers(first: 500) { edges { node { username } } } }');
    const names = new Set((after.data['customers'] as { edges: { node: { username: string } }[] }).edges.map((e) => e.node.username));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  }, 90_000);

  it('exits at SIGTERM having folded the journal into the snapshot', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-data-')), 'state.json');
    const running = await start(['--data', file]);
    const bearer = await token(running.url);
    await gql(
      running.url,
      bearer,
      'mutation { createCustomer(input: { username: "at-stop", primaryEmail: "s@x.io", timezone: "UTC", promotionOptIn: false, retailer: { id: "1" } }) { id } }',
    );
    const exited = exitOf(running.child);
    running.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('"at-stop"');
  });

  it('refuses a damaged file with a clear message and leaves it untouched', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-data-')), 'state.json');
    writeFileSync(file, '{"format": "fluent-sim", "version": 1, "accounts": [');
    const child = spawn(process.execPath, [MAIN, '--port', '0', '--data', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(err).toMatch(/The data file .* is damaged .* left untouched/);
    expect(readFileSync(file, 'utf8')).toBe('{"format": "fluent-sim", "version": 1, "accounts": [');
  });

  it('refuses a JSON file written by something else', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluent-sim-data-')), 'other.json');
    writeFileSync(file, '{"hello": "world"}');
    const child = spawn(process.execPath, [MAIN, '--port', '0', '--data', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(err).toMatch(/not a fluent-sim data file/);
    expect(readFileSync(file, 'utf8')).toBe('{"hello": "world"}');
  });
});

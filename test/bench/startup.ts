/**
 * Start-up: spawn → "listening on" of the built CLI with the default seed, against a bare
 * `node:http` server spawned the same way in the same run (target ≤ 3× the bare server); and
 * spawn → the first answer (a token, then a GraphQL query for the simulator, which loads
 * graphql-yoga on that first request; one request for the bare server).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, QUICK, versus, type Row } from './measure.js';

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{}')).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;

type Timing = { readyMs: number; answeredMs: number };

/** The simulator's first answer: a token, then `{ me { id } }` over GraphQL. */
async function firstGraphQLAnswer(base: string): Promise<void> {
  const oauth = `${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`;
  const { access_token: token } = (await (await fetch(oauth, { method: 'POST' })).json()) as { access_token: string };
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  if (!((await res.json()) as { data?: unknown }).data) throw new Error('the first GraphQL request failed');
}

async function spawnToReady(args: string[], firstAnswer: (base: string) => Promise<void>): Promise<Timing> {
  const started = process.hrtime.bigint();
  const since = (): number => Number(process.hrtime.bigint() - started) / 1e6;
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const readyMs = since();
  await firstAnswer(base);
  const answeredMs = since();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { readyMs, answeredMs };
}

/** p50 of alternating runs, so load changes hit both sides alike. */
export async function benchStartup(): Promise<Row[]> {
  const main = fileURLToPath(new URL('../../server/main.js', import.meta.url));
  const runs = QUICK ? 3 : 7;
  const sim: Timing[] = [];
  const bare: Timing[] = [];
  for (let i = 0; i < runs; i += 1) {
    bare.push(await spawnToReady(['-e', BARE_SERVER], async (base) => void (await (await fetch(base, { method: 'POST' })).json())));
    sim.push(await spawnToReady([main, '--port', '0', '--log-level', 'warn'], firstGraphQLAnswer));
  }
  const p50 = (timings: Timing[], key: keyof Timing): number =>
    percentile(
      timings.map((t) => t[key]),
      50,
    );
  const [simMs, bareMs] = [p50(sim, 'readyMs'), p50(bare, 'readyMs')];
  const [simAnswerMs, bareAnswerMs] = [p50(sim, 'answeredMs'), p50(bare, 'answeredMs')];
  return [
    ['spawn → ready, bare node:http (baseline)', `${bareMs.toFixed(0)} ms`, `p50 of ${runs}`],
    [`spawn → ready, built CLI, default seed`, `${simMs.toFixed(0)} ms`, versus(simMs, bareMs, `bare ${bareMs.toFixed(0)} ms`, { ratio: 3 })],
    ['spawn → first answer, bare node:http (baseline)', `${bareAnswerMs.toFixed(0)} ms`, 'one request'],
    [
      'spawn → first GraphQL answer (token, then { me { id } })',
      `${simAnswerMs.toFixed(0)} ms`,
      versus(simAnswerMs, bareAnswerMs, `bare ${bareAnswerMs.toFixed(0)} ms`),
    ],
  ];
}

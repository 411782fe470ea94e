/**
 * Start-up: spawn → "listening on" of the built CLI with the default seed, against a bare
 * `node:http` server spawned the same way in the same run (target ≤ 3× the bare server).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, QUICK, versus, type Row } from './measure.js';

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('listening on ' + this.address().port); });`;

async function spawnToReady(args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return ms;
}

/** p50 of alternating runs, so load changes hit both sides alike. */
export async function benchStartup(): Promise<Row[]> {
  const main = fileURLToPath(new URL('../../server/main.js', import.meta.url));
  const runs = QUICK ? 3 : 7;
  const sim: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    bare.push(await spawnToReady(['-e', BARE_SERVER]));
    sim.push(await spawnToReady([main, '--port', '0', '--log-level', 'warn']));
  }
  const simMs = percentile(sim, 50);
  const bareMs = percentile(bare, 50);
  return [
    ['spawn → ready, bare node:http (baseline)', `${bareMs.toFixed(0)} ms`, `p50 of ${runs}`],
    [`spawn → ready, built CLI, default seed`, `${simMs.toFixed(0)} ms`, versus(simMs, bareMs, `bare ${bareMs.toFixed(0)} ms`, { ratio: 3 })],
  ];
}

/**
 * The `fluent-sim pull` command: authenticate, read the account with progress on stderr, write
 * the seed file. Exit code 0 on success, 1 with a one-line reason otherwise.
 */
import { writeFileSync } from 'node:fs';
import type { PullCommandOptions } from '../cli.js';
import { propertyOf } from '../lib/guards.js';
import { pullAccount } from './pull-account.js';
import { RemoteAccount, RemoteError } from './remote-account.js';

export async function runPull(options: PullCommandOptions, fetchImpl: typeof fetch = fetch, out: NodeJS.WritableStream = process.stderr): Promise<number> {
  const tty = propertyOf(out, 'isTTY') === true;
  const remote = new RemoteAccount(options, fetchImpl);
  let current = '';
  const progress = (what: string, count: number): void => {
    const line = `pull: ${what} ${count}`;
    if (tty) out.write(`\r${line.padEnd(40)}`);
    else if (what !== current) out.write(`${line}…\n`);
    current = what;
  };
  try {
    await remote.authenticate();
    const seed = await pullAccount(remote, {
      maxPositions: options.maxPositions,
      orders: options.orders,
      includeSecrets: options.includeSecrets,
      onProgress: progress,
    });
    writeFileSync(options.out, `${JSON.stringify(seed, null, 1)}\n`);
    const counts = new Map<string, number>();
    for (const step of seed.steps) counts.set(step.mutation, (counts.get(step.mutation) ?? 0) + 1);
    const summary = [...counts].map(([m, n]) => `${n} ${m.replace(/^create/, '')}`).join(', ');
    out.write(`${tty ? '\n' : ''}pull: wrote ${options.out}: ${summary}; ${seed.workflows.length} workflows. Start with --seed ${options.out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RemoteError) {
      out.write(`${tty ? '\n' : ''}pull failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

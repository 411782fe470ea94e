#!/usr/bin/env node
/**
 * The process entry: parse flags and env once, then run the command. `start` loads the
 * simulator lazily (start.ts), so `version`, `--help` and `healthcheck` answer at once. The only
 * file that reads `process.env`.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { parseCli } from './cli.js';
import { propertyOf } from './lib/guards.js';
import { packagePath } from './lib/package-path.js';

const version = String(propertyOf(JSON.parse(readFileSync(packagePath('package.json'), 'utf8')), 'version'));

async function main(): Promise<number | undefined> {
  const command = parseCli(process.argv.slice(2), process.env, version);
  if (command.type === 'version') {
    console.log(version);
    return 0;
  }
  if (command.type === 'healthcheck') return healthcheck(command.url);
  if (command.type === 'workflowCheck' || command.type === 'rulesScaffold') {
    const offline = await import('./cli/offline-commands.js');
    const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
    return command.type === 'workflowCheck' ? offline.runWorkflowCheck(command.options, output) : offline.runRulesScaffold(command.options, output);
  }
  if (command.type === 'pull') return (await import('./pull/run-pull.js')).runPull(command.options);

  await (await import('./start.js')).start(command.raw, version);
  return undefined;
}

async function healthcheck(url: string): Promise<number> {
  try {
    const res = await fetch(new URL('/_sim/health', url), { signal: AbortSignal.timeout(10_000) });
    return res.ok ? 0 : 1;
  } catch {
    return 1;
  }
}

/**
 * Exits once what was written to stdout and stderr has been handed over: `process.exit` right
 * after a write to a pipe can drop it (seen: `--help` answering with empty stdout on a busy machine).
 */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main().then(
  (code) => {
    if (code !== undefined) exitAfterFlush(code);
  },
  (error: unknown) => {
    if (error instanceof CommanderError) {
      exitAfterFlush(error.exitCode);
      return;
    }
    // SimErrors (bad configuration, damaged data file) carry a message meant for the user.
    console.error(error instanceof Error && error.name === 'SimError' ? error.message : error);
    exitAfterFlush(1);
  },
);

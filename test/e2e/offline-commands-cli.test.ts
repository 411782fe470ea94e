import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/spawn-cli.js';

/** `fluent-sim workflow check` and `fluent-sim rules scaffold` as a CI job runs them: the real process, its exit code. */
beforeAll(ensureBuilt, 180_000);

const FIXTURE = 'test/fixtures/your-own-rules';

describe.concurrent('fluent-sim workflow check', () => {
  it('exits 1 under --strict while rules are unknown, 0 once stubs cover them (FLUENT_SIM_RULE_STUBS)', async () => {
    const args = ['workflow', 'check', `${FIXTURE}/workflows`, '--vars', `${FIXTURE}/vars.json`, '--strict'];
    const unknown = await runCli(args);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('ACME.acmeorder.ValidateOrderItems                 1  UNKNOWN');
    const covered = await runCli([...args, '--json'], { env: { FLUENT_SIM_RULE_STUBS: `${FIXTURE}/stubs.json` } });
    expect(covered.code).toBe(0);
    expect(JSON.parse(covered.stdout).workflows[0].coverage.uses).toEqual({ known: 16, total: 16, percent: 100 });
  });

  it('stops with a message for a path that does not exist', async () => {
    const res = await runCli(['workflow', 'check', 'no-such-dir']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('no-such-dir: no such file or folder');
  });
});

describe('fluent-sim rules scaffold', () => {
  it('writes --out and says what to do next', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fluent-sim-cli-scaffold-')), 'stubs.json');
    const res = await runCli(['rules', 'scaffold', `${FIXTURE}/workflows`, '--vars', `${FIXTURE}/vars.json`, '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`wrote 6 rule stub(s) to ${out}; edit the guesses, then run with --rule-stubs ${out}`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rules: unknown[] }).rules).toHaveLength(6);
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, killAll, startCli } from '../support/spawn-cli.js';

/** The real process off loopback: the control token is required, printed, and settable. */
beforeAll(ensureBuilt, 180_000);
afterEach(() => killAll());

const TOKEN_LINE = /x-fluent-sim-control-token: (\S+)/;

describe('fluent-sim --host 0.0.0.0', () => {
  it('generates a control token, prints it, and requires it on /_sim/*', async () => {
    const sim = await startCli(['--port', '0', '--host', '0.0.0.0']);
    const token = TOKEN_LINE.exec(sim.stdout())?.[1];
    expect(token, sim.stdout()).toMatch(/^[\w-]{32}$/);
    expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST', headers: { 'x-fluent-sim-control-token': token! } })).status).toBe(200);
    expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
    expect((await fetch(`${sim.url}/_sim/webhooks/public-key`)).status).toBe(200);
    await sim.stop();
  });

  it('takes the token from FLUENT_SIM_CONTROL_TOKEN', async () => {
    const sim = await startCli(['--port', '0'], { env: { FLUENT_SIM_HOST: '0.0.0.0', FLUENT_SIM_CONTROL_TOKEN: 'ci-control-token-123456' } });
    expect(TOKEN_LINE.exec(sim.stdout())?.[1]).toBe('ci-control-token-123456');
    expect((await fetch(`${sim.url}/_sim/accounts`, { headers: { 'x-fluent-sim-control-token': 'ci-control-token-123456' } })).status).toBe(200);
    await sim.stop();
  });

  it('stays open on loopback and says so', async () => {
    const sim = await startCli(['--port', '0']);
    expect(sim.stdout()).toContain('/_sim/* open on this loopback address');
    expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(200);
    await sim.stop();
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createSimulator } from '../../server/simulator.js';
import { hdChoice } from '../support/delivery-address.js';
import { createTestApp } from '../support/test-app.js';

const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }';
const order = (ref: string) => ({
  ref,
  type: 'HD',
  retailer: { id: '1' },
  customer: { id: '1' },
  fulfilmentChoice: hdChoice(ref),
  items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 1 }],
});

/** The default ORDER::HD with a customer rule in front of its CREATE ruleset. */
function workflowWithCustomRule(): Record<string, unknown> {
  const workflow = JSON.parse(readFileSync(new URL('../../rulesets/order-hd.json', import.meta.url), 'utf8')) as {
    rulesets: { name: string; type: string; rules: unknown[] }[];
  };
  workflow.rulesets.find((r) => r.name === 'CREATE' && r.type === 'ORDER')!.rules.unshift({ name: 'ACME.acme.TagChannel', props: { channel: 'web' } });
  return workflow;
}
const TAG_STUB = { rules: [{ name: 'ACME.acme.TagChannel', props: ['channel'], do: [{ setAttributes: { attributes: { channel: '{{props.channel}}' } } }] }] };

describe('/_sim/rule-stubs', () => {
  it('installs stubs into one account, recompiles its workflows, and leaves other accounts alone', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflowWithCustomRule()).expect(200);
    await request(t.app).post('/_sim/accounts').send({ id: 'OTHER' }).expect(201);

    const posted = await request(t.app).post('/_sim/rule-stubs').send(TAG_STUB);
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual({ installed: ['acme.TagChannel'], workflowsRecompiled: expect.any(Number) });
    expect((await request(t.app).get('/_sim/rule-stubs')).body).toEqual({
      stubs: [{ name: 'acme.TagChannel', description: 'Rule stub (request body#/rules/0)' }],
    });
    expect((await request(t.app).get('/_sim/rule-stubs').set('x-fluent-sim-account', 'OTHER')).body).toEqual({ stubs: [] });
    const catalogue = (await request(t.app).get('/_sim/rules')).body.rules as { name: string; description: string }[];
    expect(catalogue).toContainEqual(expect.objectContaining({ name: 'acme.TagChannel', description: 'Rule stub (request body#/rules/0)' }));

    await t.gql(CREATE, { input: order('STUB-1') });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const tagged = await t.gql<{ order: { status: string; attributes: { name: string; value: unknown }[] } }>(
      '{ order(ref: "STUB-1") { status attributes { name value } } }',
    );
    expect(tagged.data.order).toEqual({ status: 'BOOKED', attributes: [{ name: 'channel', value: 'web' }] });

    // Posted stubs belong to the account's registry, not to its data: a reset (which drops the
    // PUT workflow) keeps them.
    await request(t.app).post('/_sim/reset').expect(200);
    expect((await request(t.app).get('/_sim/rule-stubs')).body.stubs).toHaveLength(1);
    await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflowWithCustomRule()).expect(200);
    await t.gql(CREATE, { input: order('STUB-2') });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const afterReset = await t.gql<{ order: { attributes: { name: string; value: unknown }[] } }>('{ order(ref: "STUB-2") { attributes { name value } } }');
    expect(afterReset.data.order.attributes).toEqual([{ name: 'channel', value: 'web' }]);
  });

  it('answers 400 naming the pointer for a bad file, or a stub that breaks a stored workflow, and changes nothing', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflowWithCustomRule()).expect(200);

    const bad = await request(t.app)
      .post('/_sim/rule-stubs')
      .send({ rules: [{ name: 'acme.X', do: [{ sendEvent: {} }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/^request body#\/rules\/0\/do\/0\/sendEvent\/name: /);

    const needsProp = { rules: [{ name: 'ACME.acme.TagChannel', props: ['channel', 'source'], do: [] }] };
    const breaking = await request(t.app).post('/_sim/rule-stubs').send(needsProp);
    expect(breaking.status).toBe(400);
    expect(breaking.body.errors[0].message).toContain('With these stubs the stored workflow ORDER::HD would not load:');
    expect(breaking.body.errors[0].message).toContain('#/rulesets/0/rules/0/props/source: required by the stub ACME.acme.TagChannel (request body#/rules/0)');
    expect((await request(t.app).get('/_sim/rule-stubs')).body).toEqual({ stubs: [] });

    const library = await request(t.app)
      .post('/_sim/rule-stubs')
      .send({ rules: [{ name: 'ACME.core.SetState', do: [] }] });
    expect(library.status).toBe(400);
    expect(library.body.errors[0].message).toContain('"ACME.core.SetState" is core.SetState, a rule the simulator implements');
  });
});

describe('--rule-stubs FILE', () => {
  it('stops the start with CONFIG_INVALID naming the file and pointer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-stubs-'));
    const file = join(dir, 'stubs.json');
    writeFileSync(file, JSON.stringify({ rules: [{ name: 'acme.X', do: [{ jump: {} }] }] }));
    const error = await createSimulator(loadConfig({ logLevel: 'silent', ruleStubs: file })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: `--rule-stubs ${file}#/rules/0/do/0: unknown block "jump"; allowed blocks: sendEvent, branch, setStatus, setAttributes, mutate, webhook, noop`,
    });
    writeFileSync(file, JSON.stringify({ rules: [{ name: 'commonv2.SendEventGQL', do: [] }] }));
    await expect(createSimulator(loadConfig({ logLevel: 'silent', ruleStubs: file }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('add "override": true'),
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/** The `--rules` example of docs/orchestration.md, run as written: a user module, a workflow naming it, an order. */
describe('--rules DIR', () => {
  it('runs the documented example rule from a folder with no dependencies of its own', async () => {
    const readme = readFileSync(new URL('../../docs/orchestration.md', import.meta.url), 'utf8');
    const example = /```js\n(\/\/ rules\/flag-vip\.mjs\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'docs/orchestration.md shows the rule module').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-rules-'));
    writeFileSync(join(dir, 'flag-vip.mjs'), example!);

    const t = await createTestApp({ rules: dir });
    const token = await t.token();
    const workflow = JSON.parse(readFileSync(new URL('../../rulesets/order-hd.json', import.meta.url), 'utf8')) as {
      rulesets: { name: string; type: string; rules: unknown[] }[];
    };
    workflow.rulesets.find((r) => r.name === 'CREATE' && r.type === 'ORDER')!.rules.unshift({ name: 'ACME.acme.FlagVip', props: { threshold: '100' } });
    const put = await request(t.app).put('/api/v4.1/workflow').set('Authorization', `Bearer ${token}`).send(workflow);
    expect(put.status).toBe(200);

    const create = (ref: string, totalPrice: number) =>
      t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
        input: {
          ref,
          type: 'HD',
          totalPrice,
          retailer: { id: '1' },
          customer: { id: '1' },
          items: [{ ref: `${ref}-1`, productRef: 'HOODIE-GRY-M', quantity: 1 }],
        },
      });
    await create('VIP-1', 250);
    await create('VIP-2', 20);
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const res = await t.gql<{ a: { attributes: unknown[] }; b: { attributes: unknown[] } }>(
      '{ a: order(ref: "VIP-1") { attributes { name value } } b: order(ref: "VIP-2") { attributes { name value } } }',
    );
    expect(res.data.a.attributes).toContainEqual({ name: 'vip', value: true });
    expect(res.data.b.attributes ?? []).not.toContainEqual({ name: 'vip', value: true });
  });
});

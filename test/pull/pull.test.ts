import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullCommandOptions } from '../../server/cli.js';
import { runPull } from '../../server/pull/run-pull.js';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `fluent-sim pull` round trip: instance A (the demo profile, a customer workflow with a custom
 * rule, settings) plays the real account; pull reads it through the public APIs; instance B
 * starts from the file; A and B then answer the same through GraphQL and the Workflow API.
 */
describe('fluent-sim pull', () => {
  let a: TestApp;
  let b: TestApp;
  let server: Listening;
  let dir: string;
  let file: string;
  let output = '';

  const customWorkflow = {
    retailerId: '1',
    version: '1.0',
    entityType: 'ORDER',
    entitySubtype: 'HD',
    name: 'ORDER::HD',
    statuses: [
      { name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' },
      { name: 'BOOKED', entityType: 'ORDER', category: 'BOOKING' },
    ],
    rulesets: [
      {
        name: 'CREATE',
        type: 'ORDER',
        subtype: 'HD',
        eventType: 'NORMAL',
        triggers: [{ status: 'CREATED' }],
        rules: [
          { name: 'ACME.custom.CheckOrderStatusMatchesList', props: { statusList: 'CREATED' } },
          { name: 'ACME.core.SetState', props: { status: 'BOOKED' } },
        ],
        userActions: [],
      },
    ],
  };

  beforeAll(async () => {
    a = await createTestApp({ seed: 'demo' });
    const token = await a.token();
    const put = await request(a.app).put('/api/v4.1/workflow').set('Authorization', `Bearer ${token}`).send(customWorkflow);
    expect(put.status).toBe(200);
    for (const [name, value] of [
      ['webhook.order.status', JSON.stringify({ name: 'OrderStatus', url: 'http://localhost:9/hook' })],
      ['acme.payment.apiKey', 'sk_live_123'],
    ] as const) {
      const created = await a.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
        input: {
          name,
          valueType: name.startsWith('webhook') ? 'JSON' : 'STRING',
          ...(name.startsWith('webhook') ? { lobValue: JSON.parse(value) } : { value }),
          context: 'RETAILER',
          contextId: 1,
        },
      });
      expect(created.errors).toBeUndefined();
    }
    server = await listen(a.app);
    dir = mkdtempSync(join(tmpdir(), 'fluent-sim-pull-'));
    file = join(dir, 'my-account.json');
    const options: PullCommandOptions = {
      url: server.url,
      account: 'LOCAL',
      clientId: 'LOCAL',
      clientSecret: 'local-secret',
      username: 'admin',
      password: 'password',
      out: file,
      maxPositions: 100_000,
      orders: 5,
      includeSecrets: false,
    };
    const sink = { write: (chunk: string) => void (output += chunk) } as unknown as NodeJS.WritableStream;
    const code = await runPull(options, fetch, sink);
    expect(code, output).toBe(0);
    b = await createTestApp({ seed: file });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const both = async <T>(query: string): Promise<[T, T]> => {
    const [x, y] = await Promise.all([a.gql<T>(query), b.gql<T>(query)]);
    expect(x.errors ?? y.errors).toBeUndefined();
    return [x.data, y.data];
  };

  it('reports what it wrote', () => {
    expect(output).toMatch(/pull: wrote .*my-account\.json: \d+ Retailer, \d+ Location, .*; \d+ workflows\. Start with --seed /);
  });

  it('copies locations with addresses, opening hours and networks', async () => {
    const q =
      '{ locations(first: 500) { edges { node { ref type name status primaryAddress { ... on StoreAddress { city latitude longitude } } openingSchedule { allHours monStart monEnd } networks(first: 50) { edges { node { ref } } } } } } }';
    const [x, y] = await both<{ locations: { edges: { node: { ref: string } }[] } }>(q);
    expect(x.locations.edges.length).toBeGreaterThan(3);
    // Networks as sets: each copy lists a location's networks newest first, by its own ids.
    const byRef = (d: typeof x) => Object.fromEntries(d.locations.edges.map((e) => [e.node.ref, { ...e.node, networks: networkRefs(e.node) }]));
    const networkRefs = (n: object): string[] => (n as { networks: { edges: { node: { ref: string } }[] } }).networks.edges.map((e) => e.node.ref).sort();
    expect(byRef(y)).toEqual(byRef(x));
  });

  it('copies catalogues, categories and products with prices, categories and variants', async () => {
    const q =
      '{ variantProducts(first: 500) { edges { node { ref name gtin status catalogue { ref } product { ref } prices { type currency value } categories(first: 20) { edges { node { ref } } } } } } }';
    const [x, y] = await both<{ variantProducts: { edges: { node: { ref: string } }[] } }>(q);
    expect(x.variantProducts.edges.length).toBeGreaterThan(100);
    const sorted = (d: typeof x) => d.variantProducts.edges.map((e) => e.node).sort((p, r) => p.ref.localeCompare(r.ref));
    expect(sorted(y)).toEqual(sorted(x));
    const [cx, cy] = await both<{ categories: { edges: { node: { ref: string } }[] } }>(
      '{ categories(first: 500) { edges { node { ref name parentCategory { ref } } } } }',
    );
    expect(new Set(cy.categories.edges.map((e) => JSON.stringify(e.node)))).toEqual(new Set(cx.categories.edges.map((e) => JSON.stringify(e.node))));
  });

  it('copies every inventory position with its onHand, over several pages', async () => {
    const all = async (t: TestApp): Promise<Map<string, number | null>> => {
      const out = new Map<string, number | null>();
      let after: string | undefined;
      for (;;) {
        const page = await t.gql<{
          inventoryPositions: { edges: { cursor: string; node: { ref: string; onHand: number | null } }[]; pageInfo: { hasNextPage: boolean } };
        }>('query($after: String) { inventoryPositions(first: 500, after: $after) { edges { cursor node { ref onHand } } pageInfo { hasNextPage } } }', {
          after,
        });
        for (const e of page.data.inventoryPositions.edges) out.set(e.node.ref, e.node.onHand);
        if (!page.data.inventoryPositions.pageInfo.hasNextPage) return out;
        after = page.data.inventoryPositions.edges.at(-1)!.cursor;
      }
    };
    const [x, y] = [await all(a), await all(b)];
    expect(x.size).toBeGreaterThan(500);
    expect(y).toEqual(x);
  });

  it('copies settings, masking values that look like secrets', async () => {
    const q = '{ settings(first: 500) { edges { node { name valueType value lobValue context contextId } } } }';
    const [x, y] = await both<{ settings: { edges: { node: { name: string; value: string | null } }[] } }>(q);
    const byName = (d: typeof x) => Object.fromEntries(d.settings.edges.map((e) => [e.node.name, e.node]));
    expect(byName(y)['webhook.order.status']).toEqual(byName(x)['webhook.order.status']);
    expect(byName(x)['acme.payment.apiKey']!.value).toBe('sk_live_123');
    expect(byName(y)['acme.payment.apiKey']!.value).toBe('********');
    expect(readFileSync(file, 'utf8')).not.toContain('sk_live_123');
  });

  it('copies the latest version of every workflow, custom rules included', async () => {
    const get = async (t: TestApp, name: string) =>
      (
        await request(t.app)
          .get(`/api/v4.1/workflow/1/${name}`)
          .set('Authorization', `Bearer ${await t.token()}`)
      ).body as { version: string; rulesets: unknown[] };
    const [x, y] = [await get(a, 'ORDER::HD'), await get(b, 'ORDER::HD')];
    expect(x.rulesets).toEqual(customWorkflow.rulesets);
    expect(y.rulesets).toEqual(x.rulesets);
    expect(y.version).toBe(x.version);
    for (const name of ['ORDER::CC', 'LOCATION::STORE', 'PRODUCT_CATALOGUE::MASTER', 'INVENTORY_CATALOGUE::DEFAULT'])
      expect((await get(b, name)).rulesets).toEqual((await get(a, name)).rulesets);
  });

  it('copies the newest orders with their items and customers when asked', async () => {
    const q = '{ orders(first: 5) { edges { node { ref type customer { username } items(first: 50) { edges { node { ref quantity product { ref } } } } } } } }';
    const [x, y] = await both<{ orders: { edges: { node: { ref: string } }[] } }>(q);
    expect(x.orders.edges).toHaveLength(5);
    const byRef = (d: typeof x) => Object.fromEntries(d.orders.edges.map((e) => [e.node.ref, e.node]));
    expect(byRef(y)).toEqual(byRef(x));
  });

  it('fails with a one-line reason when the credentials are wrong', async () => {
    let text = '';
    const sink = { write: (chunk: string) => void (text += chunk) } as unknown as NodeJS.WritableStream;
    const code = await runPull(
      {
        url: server.url,
        account: 'LOCAL',
        clientId: 'LOCAL',
        clientSecret: 'wrong',
        username: 'admin',
        password: 'password',
        out: join(dir, 'x.json'),
        maxPositions: 10,
        orders: 0,
        includeSecrets: false,
      },
      fetch,
      sink,
    );
    expect(code).toBe(1);
    expect(text).toBe(`pull failed: Authentication at ${server.url} failed (400): Bad credentials\n`);
  });
});

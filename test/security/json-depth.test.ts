import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt, unsavableAt } from '../../server/lib/json-depth.js';
import { readSeedFile } from '../../server/seed/load-seed.js';
import { createPersistentApp, type PersistentApp } from '../support/persistent-app.js';
import { createTestApp } from '../support/test-app.js';

const opened: PersistentApp[] = [];
afterEach(async () => {
  for (const p of opened.splice(0)) await p.persistence.stop();
});

/** `{"a":{"a":…{"a":1}}}`, `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const workflow = (props: Record<string, unknown>) => ({
  retailerId: '1',
  name: 'ORDER::NESTED',
  entityType: 'ORDER',
  entitySubtype: 'NESTED',
  version: '1.0',
  statuses: [{ name: 'CREATED', entityType: 'ORDER' }],
  rulesets: [{ name: 'CREATE', type: 'ORDER', eventType: 'NORMAL', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ACME.custom.DoSomething', props }] }],
});

const event = (attributes: unknown) => ({
  name: 'CREATE',
  retailerId: '1',
  entityType: 'ORDER',
  entityRef: 'HD_1',
  rootEntityType: 'ORDER',
  rootEntityRef: 'HD_1',
  attributes,
});

/**
 * The JSON text of `body` with a value `levels` deep in place of the string DEEP: supertest's
 * serialiser cuts deep objects short, and JSON.stringify overflows a test worker's stack.
 */
const withDeep = (body: unknown, levels = 5000): string => JSON.stringify(body).replace('"DEEP"', `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
const JSON_TYPE = { 'Content-Type': 'application/json' };

const CREATE_ORDER =
  'mutation($ref: String!, $value: Json!) { createOrder(input: { ref: $ref, type: "HD", retailer: { id: "1" }, customer: { id: "1" }, attributes: [{ name: "deep", type: "JSON", value: $value }], items: [{ ref: "I1", productRef: "TSHIRT-BLK-M", quantity: 1 }] }) { id } }';

describe(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, () => {
  it('finds the pointer of the first object too deep, and nothing at the limit', () => {
    expect(tooDeepAt(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepAt({ x: [nested(MAX_JSON_DEPTH)] }, MAX_JSON_DEPTH)).toBe(`/x/0${'/a'.repeat(MAX_JSON_DEPTH - 2)}`);
    expect(tooDeepAt({ 'a/b~': nested(3) }, 2)).toBe('/a~1b~0/a');
    expect(tooDeepAt([Number.POSITIVE_INFINITY, nested(3)], 2)).toBe('/1/a');
    expect(unsavableAt({ x: [1, Number.NaN] })).toEqual({ pointer: '/x/1', reason: 'number' });
  });

  it('is refused with 400 in an event attribute, a workflow prop and a GraphQL Json variable; saves keep working', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fluent-sim-depth-')), 'state.json');
    const p = await createPersistentApp(path);
    opened.push(p);
    const token = (
      await request(p.app)
        .post('/oauth/token')
        .query({ grant_type: 'password', client_id: 'LOCAL', client_secret: 'local-secret', username: 'admin', password: 'password' })
    ).body.access_token as string;
    const auth = { Authorization: `Bearer ${token}` };

    const ev = await request(p.app)
      .post('/api/v4.1/event/async')
      .set(auth)
      .set(JSON_TYPE)
      .send(withDeep(event({ deep: 'DEEP' })));
    expect(ev.status).toBe(400);
    expect(ev.body).toEqual({
      errors: [{ code: '400', message: expect.stringMatching(new RegExp(`deeper than ${MAX_JSON_DEPTH} levels at '/attributes/deep/a/a/`)) }],
    });

    const wf = await request(p.app)
      .put('/api/v4.1/workflow')
      .set(auth)
      .set(JSON_TYPE)
      .send(withDeep(workflow({ deep: 'DEEP' })));
    expect(wf.status).toBe(400);
    expect(wf.body.errors[0]).toMatchObject({ code: '400', message: expect.stringContaining("at '/rulesets/0/rules/0/props/deep/a") });

    const gql = await request(p.app)
      .post('/graphql')
      .set(auth)
      .set(JSON_TYPE)
      .send(withDeep({ query: CREATE_ORDER, variables: { ref: 'DEEP-1', value: 'DEEP' } }));
    expect(gql.status).toBe(400);
    expect(gql.body.errors[0]).toMatchObject({ message: expect.stringContaining("at '/variables/value/a"), extensions: { code: 'BAD_REQUEST' } });

    const infinite = await request(p.app).post('/api/v4.1/event/async').set(auth).set(JSON_TYPE).send('{"name":"CREATE","attributes":{"n":[1e309]}}');
    expect(infinite.status).toBe(400);
    expect(infinite.body.errors[0]).toEqual({ code: '400', message: "The request body holds a number that is not finite at '/attributes/n/0'" });

    // Written in the query text: under the 128-bracket limit of the text, over the value limit.
    const literal = `${'{a:'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`;
    const inText = await request(p.app)
      .post('/graphql')
      .set(auth)
      .send({ query: CREATE_ORDER.replace('$value: Json!', '').replace('$value', literal), variables: { ref: 'DEEP-1' } });
    expect(inText.body.errors[0]).toMatchObject({
      message: `An input value nests deeper than ${MAX_JSON_DEPTH} levels`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    const get = await request(p.app)
      .get('/graphql')
      .set(auth)
      .query({ query: '{ orders(first: 1) { edges { node { ref } } } }', variables: withDeep({ value: 'DEEP' }, 200) });
    expect(get.status).toBe(400);
    expect(get.body.errors[0].message).toContain("'variables' query parameter nests JSON deeper than");

    // State unchanged and still savable: the same calls at a sane depth work, and survive a restart.
    expect(
      (
        await request(p.app)
          .put('/api/v4.1/workflow')
          .set(auth)
          .send(workflow({ deep: nested(10) }))
      ).status,
    ).toBe(200);
    expect((await request(p.app).get('/api/v4.1/workflow/1/ORDER::NESTED').set(auth)).status).toBe(200);
    const ok = await request(p.app)
      .post('/graphql')
      .set(auth)
      .send({ query: CREATE_ORDER, variables: { ref: 'DEEP-2', value: nested(10) } });
    expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
    expect((await request(p.app).post('/_sim/snapshots').send({ name: 'after' })).status).toBe(201);
    await p.persistence.commit();
    const restarted = await createPersistentApp(path);
    opened.push(restarted);
    const order = await request(restarted.app)
      .post('/graphql')
      .set(auth)
      .send({ query: '{ order(ref: "DEEP-2") { ref } orders(first: 10) { edges { node { ref } } } }' });
    expect(order.body.data.order).toEqual({ ref: 'DEEP-2' });
    expect(order.body.data.orders.edges.map((e: { node: { ref: string } }) => e.node.ref)).not.toContain('DEEP-1');
  });
});

describe(`values nested deeper than ${MAX_JSON_DEPTH} levels outside a JSON body`, () => {
  it('refuses them in the variables of a multipart GraphQL request with 400, and stores nothing', async () => {
    const t = await createTestApp();
    const token = await t.token();
    const multipart = (variables: string) =>
      request(t.app)
        .post('/graphql')
        .set('Authorization', `Bearer ${token}`)
        .field('operations', `{"query":${JSON.stringify(CREATE_ORDER)},"variables":${variables}}`)
        .field('map', '{}');
    const deep = await multipart(withDeep({ ref: 'MULTI-1', value: 'DEEP' }));
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toMatchObject({
      message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels at '/variables/value/a/a`),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect((await t.gql<{ order: unknown }>('{ order(ref: "MULTI-1") { ref } }')).data.order).toBeNull();
    // The same request at a sane depth is served: the check is on depth, not on multipart.
    const ok = await multipart(JSON.stringify({ ref: 'MULTI-2', value: nested(10) }));
    expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
    expect((await t.gql<{ order: unknown }>('{ order(ref: "MULTI-2") { ref } }')).data.order).toEqual({ ref: 'MULTI-2' });
  });

  it('refuses a seed file given on the command line, naming the file and the pointer, before anything runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-seed-depth-'));
    const deep = join(dir, 'deep.json');
    const step = {
      mutation: 'createCarrier',
      input: { ref: 'C1', name: 'C1', type: 'STANDARD', retailer: { id: '1' }, attributes: [{ name: 'x', type: 'JSON', value: 'DEEP' }] },
    };
    writeFileSync(deep, withDeep({ steps: [step] }));
    expect(() => readSeedFile(deep)).toThrow(`Seed file ${deep} nests JSON deeper than ${MAX_JSON_DEPTH} levels at '/steps/0/input/attributes/0/value/a/a`);
    await expect(createTestApp({ seed: deep })).rejects.toThrow(/nests JSON deeper than 64 levels/);
    const infinite = join(dir, 'infinite.json');
    writeFileSync(infinite, JSON.stringify({ steps: [step] }).replace('"DEEP"', '1e309'));
    expect(() => readSeedFile(infinite)).toThrow(`Seed file ${infinite} holds a number that is not finite at '/steps/0/input/attributes/0/value'`);
  });
});

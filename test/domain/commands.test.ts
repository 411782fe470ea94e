/**
 * Domain commands hold every in-process caller (rules through the engine's `mutate`, seeds,
 * `runCommand`) to the schema's input types, exactly as the GraphQL API holds a client: a missing
 * required field, a wrong scalar or an unknown field is refused with graphql-js's message, and
 * nothing is written. The built-in seed and every generated profile pass the same check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../server/account.js';
import { coerceArguments } from '../../server/domain/commands/coerce-arguments.js';
import { mutationField, runCommand } from '../../server/domain/commands/run-command.js';
import { SimError } from '../../server/domain/errors.js';
import { loadSchema } from '../../server/graphql/schema.js';
import { packagePath } from '../../server/lib/package-path.js';
import { createDomainPort } from '../../server/orchestration/domain-port.js';
import { applySeed, readSeedFile, type SeedFile } from '../../server/seed/load-seed.js';
import { generateProfile } from '../../server/seed/profiles/generate-profile.js';
import { SEED_PROFILES } from '../../server/seed/profiles/profile-sizes.js';
import { errorOf } from '../support/error-of.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ORDER = { ref: 'CMD-1', type: 'HD', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: 'CMD-1-1', productRef: 'HOODIE-GRY-M', quantity: 1 }] };
const withoutCustomer = (({ customer: _customer, ...rest }) => rest)(ORDER);

describe('in-process mutations are validated against the schema', () => {
  let t: TestApp;
  let account: Account;
  const orderCount = (): number => account.store.candidates('Order').length;

  beforeAll(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get('LOCAL')!;
  });

  it.each([
    ['without its required customer', withoutCustomer, /Field "customer" of required type "CustomerId!" was not provided/],
    [
      'with a totalPrice that is not a number',
      { ...ORDER, totalPrice: 'not-a-number' },
      /input\.totalPrice: Float cannot represent non numeric value: "not-a-number"/,
    ],
    ['with a field CreateOrderInput does not have', { ...ORDER, colour: 'red' }, /Field "colour" is not defined by type "CreateOrderInput"/],
  ])('refuses createOrder %s from runCommand and from a rule, and writes nothing', (_what, input, message) => {
    const before = orderCount();
    const direct = errorOf(() => runCommand(account, 'createOrder', { input }));
    expect(direct.code).toBe('VALIDATION_FAILED');
    expect(direct.message).toMatch(message);
    const fromRule = errorOf(() => createDomainPort(account).mutate('createOrder', input));
    expect(fromRule.code).toBe('VALIDATION_FAILED');
    expect(fromRule.message).toMatch(message);
    expect(orderCount()).toBe(before);
  });

  it('gives the GraphQL API the same answer for the same input', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({
        query: 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }',
        variables: { input: { ...ORDER, totalPrice: 'not-a-number' } },
      });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /at "input\.totalPrice"; Float cannot represent non numeric value: "not-a-number"/,
    );
    expect(errorOf(() => runCommand(account, 'createOrder', { input: { ...ORDER, totalPrice: 'not-a-number' } })).message).toBe(
      'createOrder: input.totalPrice: Float cannot represent non numeric value: "not-a-number"',
    );
  });

  it('refuses unknown arguments and unknown mutations', () => {
    expect(errorOf(() => runCommand(account, 'createOrder', { input: ORDER, extra: 1 })).message).toMatch(
      /Unknown argument "extra" on field "Mutation\.createOrder"/,
    );
    expect(errorOf(() => runCommand(account, 'createOrderPlease', { input: ORDER })).message).toMatch(/does not exist in the Fluent schema/);
  });

  it('coerces as the API does: an ID given as a number becomes a string', () => {
    const created = runCommand(account, 'createOrder', {
      input: { ...ORDER, ref: 'CMD-2', items: [{ ...ORDER.items[0], ref: 'CMD-2-1' }], retailer: { id: 1 } },
    }) as { retailer: unknown };
    expect(created.retailer).toEqual({ __link: 'Retailer', id: '1' });
  });

  it('stops a seed at the bad step, naming it, and refuses a location field CreateLocationInput does not have', async () => {
    const before = account.store.candidates('Location').length;
    const seed = {
      steps: [{ mutation: 'createLocation', input: { ref: 'LOC-X', type: 'STORE', retailer: { id: '1' }, defaultCarrierName: 'Australia Post' } }],
    };
    const error = await applySeed(account, seed, 'test-seed').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SimError);
    expect((error as SimError).code).toBe('CONFIG_INVALID');
    expect((error as SimError).message).toMatch(
      /test-seed#\/steps\/0 \(createLocation\).*Field "defaultCarrierName" is not defined by type "CreateLocationInput"/,
    );
    expect(account.store.candidates('Location').length).toBe(before);
  });
});

describe('every seed file and generated profile fits the schema', () => {
  const { model } = loadSchema();
  const problemsOf = (steps: readonly { mutation: string; input: Record<string, unknown> }[]): string[] =>
    steps.flatMap((step, i) => {
      try {
        coerceArguments(mutationField(model, step.mutation), { input: step.input });
        return [];
      } catch (error) {
        return [`#/steps/${i}: ${(error as Error).message}`];
      }
    });

  const seedFiles = readdirSync(packagePath('seeds')).filter((f) => f.endsWith('.json') && f !== 'profiles.json');
  it.each(seedFiles)('seeds/%s', (file) => {
    const seed = readSeedFile(packagePath(`seeds/${file}`));
    expect(seed.steps.length).toBeGreaterThan(0);
    expect(problemsOf(seed.steps)).toEqual([]);
  });

  it('the seed file example in docs/testing.md', () => {
    const doc = readFileSync(packagePath('docs/testing.md'), 'utf8');
    const example = /\*\*Seed files\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example, 'docs/testing.md shows a seed file').toBeDefined();
    expect(problemsOf((JSON.parse(example!) as SeedFile).steps)).toEqual([]);
  });

  it.each(SEED_PROFILES)('profile %s', (profile) => {
    const seed = generateProfile(profile, 1);
    expect(seed.steps.length).toBeGreaterThan(0);
    expect(problemsOf(seed.steps)).toEqual([]);
  });
});

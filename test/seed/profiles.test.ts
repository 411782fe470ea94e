/**
 * Generated seed profiles (`--seed small|demo|large`): the generator is deterministic, its data
 * is valid (GTIN check digits, variants of existing products, click & collect from stores), and
 * loading the small profile into two simulators gives byte-identical GraphQL answers, with
 * orders moved through their workflows by events that the event log keeps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type Account } from '../../server/account.js';
import { loadSchema } from '../../server/graphql/schema.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { packagePath } from '../../server/lib/package-path.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';
import { applySeed, type SeedStep } from '../../server/seed/load-seed.js';
import { eventsFor, PROFILE_EVENT_SOURCE } from '../../server/seed/profiles/drive-orders.js';
import { apportion, generateProfile, MAX_SEED_VALUE, SYSTEM_REJECTED_LOCATION_REF, type ProfileSeed } from '../../server/seed/profiles/generate-profile.js';
import { ean13, ean13CheckDigit, isValidEan13 } from '../../server/seed/profiles/gtin.js';
import { loadProfile, type LoadedProfile } from '../../server/seed/profiles/load-profile.js';
import { HD_TARGETS, profileSizes } from '../../server/seed/profiles/profile-sizes.js';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.js';

const inputsOf = (seed: ProfileSeed, mutation: string): Record<string, unknown>[] => seed.steps.filter((s) => s.mutation === mutation).map((s) => s.input);
const refsOf = (seed: ProfileSeed, mutation: string): string[] => inputsOf(seed, mutation).map((i) => String(i['ref']));

describe('generateProfile', () => {
  it('gives byte-identical output for the same profile and seed value, and different output for another seed value', () => {
    const a = JSON.stringify(generateProfile('small', 42));
    expect(JSON.stringify(generateProfile('small', 42))).toBe(a);
    expect(JSON.stringify(generateProfile('small', 43))).not.toBe(a);
    expect(JSON.stringify(generateProfile('demo', 7))).toBe(JSON.stringify(generateProfile('demo', 7)));
  });

  it('takes seed values from 0 to 2^32 - 1', () => {
    expect(() => generateProfile('small', 1.5)).toThrow(/integer from 0/);
    expect(() => generateProfile('small', -1)).toThrow(/integer from 0/);
    expect(() => generateProfile('small', MAX_SEED_VALUE + 1)).toThrow(/integer from 0/);
    expect(generateProfile('small', MAX_SEED_VALUE).seedValue).toBe(MAX_SEED_VALUE);
  });

  it.each([['small'], ['demo']] as const)('generates the %s profile in the sizes of seeds/profiles.json', (profile) => {
    const sizes = profileSizes(profile);
    const seed = generateProfile(profile, 3);
    const locations = inputsOf(seed, 'createLocation');
    expect(locations.filter((l) => l['type'] === 'WAREHOUSE')).toHaveLength(sizes.warehouses);
    expect(locations.filter((l) => l['type'] === 'STORE')).toHaveLength(sizes.stores);
    expect(refsOf(seed, 'createStandardProduct').length + refsOf(seed, 'createVariantProduct').length).toBe(sizes.products);
    expect(inputsOf(seed, 'createCustomer')).toHaveLength(sizes.customers);
    expect(inputsOf(seed, 'createOrder')).toHaveLength(sizes.orders);
    expect(inputsOf(seed, 'createRetailer')).toHaveLength(sizes.retailers);
    expect(inputsOf(seed, 'createCategory')).toHaveLength(sizes.categories);
    expect(seed.plan.orders).toHaveLength(sizes.orders);
    expect(Object.keys(seed.records ?? {}).sort()).toEqual(['Currency', 'Permission']);
    // Every ref is unique within its kind.
    for (const mutation of ['createLocation', 'createStandardProduct', 'createVariantProduct', 'createInventoryPosition', 'createOrder', 'createCategory']) {
      const refs = refsOf(seed, mutation);
      expect(new Set(refs).size, mutation).toBe(refs.length);
    }
    const usernames = inputsOf(seed, 'createCustomer').map((c) => c['username']);
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  it('times the demo profile generation', async ({ annotate }) => {
    const started = performance.now();
    const seed = generateProfile('demo', 1);
    await annotate(`demo: ${seed.steps.length} steps generated in ${(performance.now() - started).toFixed(0)} ms`);
    expect(seed.steps.length).toBeGreaterThan(0);
  });

  describe('data', () => {
    const seed = generateProfile('demo', 42);
    const products = [...inputsOf(seed, 'createStandardProduct'), ...inputsOf(seed, 'createVariantProduct')];

    it('gives every product a valid, unique EAN-13 GTIN', () => {
      const gtins = products.map((p) => String(p['gtin']));
      for (const gtin of gtins) expect(isValidEan13(gtin), gtin).toBe(true);
      expect(new Set(gtins).size).toBe(gtins.length);
    });

    it('makes every variant the variant of a standard product created before it', () => {
      const created = new Set<string>();
      for (const step of seed.steps) {
        if (step.mutation === 'createStandardProduct') created.add(String(step.input['ref']));
        if (step.mutation === 'createVariantProduct') expect(created.has(String((step.input['product'] as { ref: string }).ref))).toBe(true);
      }
    });

    it('stocks sellable products at existing locations with LAST_ON_HAND quantities', () => {
      const locations = new Set(refsOf(seed, 'createLocation'));
      const sellable = new Set(products.map((p) => String(p['ref'])));
      const positions = inputsOf(seed, 'createInventoryPosition');
      expect(positions.length).toBeGreaterThan(0);
      for (const p of positions) {
        expect(p['ref']).toBe(`${String(p['productRef'])}:${String(p['locationRef'])}`);
        expect(locations.has(String(p['locationRef']))).toBe(true);
        expect(sellable.has(String(p['productRef']))).toBe(true);
      }
      const quantities = inputsOf(seed, 'createInventoryQuantity');
      expect(quantities.map((q) => q['ref'])).toEqual(positions.map((p) => `${String(p['ref'])}:LAST_ON_HAND`));
      expect(quantities.every((q) => q['type'] === 'LAST_ON_HAND')).toBe(true);
    });

    it('gives click & collect orders a store to collect from, home delivery orders an address', () => {
      const stores = new Set(
        inputsOf(seed, 'createLocation')
          .filter((l) => l['type'] === 'STORE')
          .map((l) => l['ref']),
      );
      const orders = inputsOf(seed, 'createOrder');
      expect(new Set(orders.map((o) => o['type']))).toEqual(new Set(['HD', 'CC']));
      for (const order of orders) {
        const choice = order['fulfilmentChoice'] as Record<string, unknown>;
        if (order['type'] === 'CC') expect(stores.has(choice['pickupLocationRef'])).toBe(true);
        else expect(choice['deliveryAddress']).toMatchObject({ country: 'Australia', latitude: expect.any(Number), longitude: expect.any(Number) });
      }
    });

    it('plans only statuses the order type can reach', () => {
      for (const order of seed.plan.orders) expect(() => eventsFor(order)).not.toThrow();
      expect(seed.plan.orders.filter((o) => o.type === 'HD').every((o) => (HD_TARGETS as readonly string[]).includes(o.target))).toBe(true);
    });
  });
});

describe('EAN-13', () => {
  it('computes the GS1 check digit', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('930000000000')).toBe(false);
    expect(ean13('930', 1)).toBe(`930000000001${ean13CheckDigit('930000000001')}`);
  });
});

describe('apportion', () => {
  it('splits exactly by largest remainder', () => {
    const split = apportion(10, { BOOKED: 0.2, PICK_PACK: 0.25, COMPLETE: 0.4, CANCELLED: 0.15 }, HD_TARGETS);
    expect(split).toHaveLength(10);
    const count = (t: string) => split.filter((s) => s === t).length;
    expect([count('BOOKED'), count('PICK_PACK'), count('COMPLETE'), count('CANCELLED')]).toEqual([2, 3, 4, 1]);
  });
});

const ORDERS_QUERY = /* GraphQL */ `
  {
    orders(first: 500) {
      edges {
        node {
          id ref type status totalPrice
          customer { id username }
          fulfilmentChoice { deliveryType pickupLocationRef deliveryAddress { city postcode } }
          items(first: 50) { edges { node { ref quantity price product { ref } } } }
          fulfilments(first: 10) { edges { node { ref type status } } }
          financialTransactions(first: 10) { edges { node { ref total currency paymentMethod cardType paymentProviderName } } }
        }
      }
    }
  }
`;
const CATALOGUE_QUERY = /* GraphQL */ `
  {
    locations(first: 500) {
      edges { node { id ref type name status primaryAddress { city state latitude longitude } openingSchedule { allHours monStart monEnd } storageAreas(first: 10) { edges { node { id type } } } } }
    }
    networks(first: 50) { edges { node { id ref type } } }
    standardProducts(first: 500) { edges { node { id ref gtin name status prices { type currency value } } } }
    variantProducts(first: 500) { edges { node { id ref gtin name status product { ref } } } }
    inventoryPositions(first: 500) { edges { node { id ref productRef locationRef onHand status quantities(first: 20) { edges { node { ref type quantity } } } } } }
    customers(first: 500) { edges { node { id username firstName lastName } } }
    carriers(first: 50) { edges { node { id ref name } } }
    settings(first: 50) { edges { node { name value lobValue } } }
  }
`;

type Edges<T> = { edges: { node: T }[] };
type OrderNode = {
  ref: string;
  type: string;
  status: string;
  totalPrice: number;
  fulfilments: Edges<{ ref: string; status: string }>;
  financialTransactions: Edges<{ total: number }>;
};

describe('loadProfile small', () => {
  const apps: TestApp[] = [];
  const loaded: LoadedProfile[] = [];
  const progress: [number, number][] = [];
  const accountOf = (app: TestApp): Account => app.sim.accounts.get(app.sim.config.account)!;

  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      const app = await createTestApp({ seed: 'none' });
      loaded.push(await loadProfile(accountOf(app), 'small', 42, i === 0 ? (done, total) => progress.push([done, total]) : undefined));
      apps.push(app);
    }
    return async () => {
      for (const app of apps) await app.sim.close();
    };
  });

  it('answers GraphQL byte-identically in two simulators', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    for (const query of [ORDERS_QUERY, CATALOGUE_QUERY]) {
      const [ra, rb] = [await a.gql(query), await b.gql(query)];
      expect(ra.errors).toBeUndefined();
      expect(JSON.stringify(rb)).toBe(JSON.stringify(ra));
    }
    expect(loaded[1]).toEqual(loaded[0]);
  });

  it('loads what the profile describes', async () => {
    const sizes = profileSizes('small');
    const { data } = await apps[0]!.gql<{
      locations: Edges<{ ref: string; type: string; status: string; storageAreas: Edges<unknown> }>;
      variantProducts: Edges<{ ref: string; gtin: string; product: { ref: string } | null }>;
      standardProducts: Edges<{ gtin: string }>;
      inventoryPositions: Edges<{ quantities: Edges<{ type: string }> }>;
      customers: Edges<unknown>;
    }>(CATALOGUE_QUERY);
    // Warehouses and stores, active with storage areas, and the SYSTEM location rejected items go to.
    const [system, sites] = [data.locations.edges.filter((e) => e.node.type === 'SYSTEM'), data.locations.edges.filter((e) => e.node.type !== 'SYSTEM')];
    expect(system.map((e) => e.node.ref)).toEqual([SYSTEM_REJECTED_LOCATION_REF]);
    expect(sites).toHaveLength(sizes.warehouses + sizes.stores);
    expect(sites.every((e) => e.node.storageAreas.edges.length > 0)).toBe(true);
    expect(new Set(sites.map((e) => e.node.status))).toEqual(new Set(['ACTIVE']));
    expect(data.standardProducts.edges.length + data.variantProducts.edges.length).toBe(sizes.products);
    for (const { node } of data.variantProducts.edges) expect(node.product?.ref, node.ref).toBeTruthy();
    for (const { node } of [...data.standardProducts.edges, ...data.variantProducts.edges]) expect(isValidEan13(node.gtin)).toBe(true);
    expect(data.inventoryPositions.edges.length).toBeGreaterThan(0);
    expect(data.inventoryPositions.edges.every((e) => e.node.quantities.edges.some((q) => q.node.type === 'LAST_ON_HAND'))).toBe(true);
    expect(data.customers.edges).toHaveLength(sizes.customers);
  });

  it('leaves orders in at least four statuses, as counted', async () => {
    const { data } = await apps[0]!.gql<{ orders: Edges<OrderNode> }>(ORDERS_QUERY);
    const orders = data.orders.edges.map((e) => e.node);
    expect(orders).toHaveLength(profileSizes('small').orders);
    const counts: Record<string, number> = {};
    for (const o of orders) counts[o.status] = (counts[o.status] ?? 0) + 1;
    expect(counts).toEqual(loaded[0]!.counts);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['PICK_PACK', 'COMPLETE', 'AWAITING_COLLECTION', 'CANCELLED']));
    // Each order reached the status planned for it, with its fulfilment moved along.
    const plan = generateProfile('small', 42).plan.orders;
    for (const planned of plan) {
      const order = orders.find((o) => o.ref === planned.ref)!;
      expect(order.status, planned.ref).toBe(planned.target);
      expect(order.type).toBe(planned.type);
      expect(order.fulfilments.edges.map((e) => e.node.ref)).toEqual([`${planned.ref}-F1`]);
      expect(order.financialTransactions.edges.map((e) => e.node.total)).toEqual([order.totalPrice]);
    }
  });

  it('keeps the ORCHESTRATION events that moved each order', () => {
    const events = accountOf(apps[0]!).orchestration!.events;
    for (const planned of generateProfile('small', 42).plan.orders) {
      const found = events.search({ 'context.rootEntityRef': [planned.ref], eventType: ['ORCHESTRATION'], count: 5000 }).results;
      expect(
        found.some((e) => e.name === 'CREATE' && e.context.entityType === 'ORDER' && e.eventStatus === 'COMPLETE'),
        planned.ref,
      ).toBe(true);
      const submitted = found.filter((e) => e.source === PROFILE_EVENT_SOURCE).reverse();
      expect(
        submitted.map((e) => e.name),
        planned.ref,
      ).toEqual(eventsFor(planned).map((e) => e.name));
      expect(submitted.every((e) => e.eventStatus === 'COMPLETE')).toBe(true);
    }
  });

  it('reports progress in steps of about 5 %, ending at the total', () => {
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.length).toBeLessThanOrEqual(21);
    expect(progress.at(-1)).toEqual([progress[0]![1], progress[0]![1]]);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });

  it('rejects what no location has to its SYSTEM_REJECTED location: an ESCALATED fulfilment, no FAILED event', async () => {
    const app = apps[0]!;
    const { data: before } = await app.gql<{ customers: Edges<{ id: string }>; standardProducts: Edges<{ ref: string }> }>(
      '{ customers(first: 1) { edges { node { id } } } standardProducts(first: 1) { edges { node { ref } } } }',
    );
    const created = await app.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'PROFILE-NO-STOCK',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: before.customers.edges[0]!.node.id },
        items: [{ ref: 'PROFILE-NO-STOCK-1', productRef: before.standardProducts.edges[0]!.node.ref, quantity: 1_000_000 }],
        fulfilmentChoice: {
          ref: 'PROFILE-NO-STOCK-FC',
          deliveryType: 'STANDARD',
          deliveryAddress: { ref: 'PNS-ADDR', name: 'Sam', street: '1 George St', city: 'Sydney', postcode: '2000', country: 'Australia' },
        },
      },
    });
    expect(created.errors).toBeUndefined();
    await accountOf(app).orchestration!.engine.drain();
    const { data } = await app.gql<{
      order: {
        status: string;
        fulfilmentChoice: { deliveryAddress: { latitude: number | null } };
        fulfilments: Edges<{ status: string; fromLocation: { ref: string } }>;
      };
    }>(
      '{ order(ref: "PROFILE-NO-STOCK") { status fulfilmentChoice { deliveryAddress { latitude } } fulfilments(first: 10) { edges { node { status fromLocation { ref } } } } } }',
    );
    expect(data.order.status).toBe('BOOKED');
    // Whatever stock there is goes in (split) fulfilments; the rest, far more, in one system-rejected one.
    const fulfilments = data.order.fulfilments.edges.map((e) => e.node);
    expect(fulfilments.filter((f) => f.status === 'ESCALATED')).toEqual([{ status: 'ESCALATED', fromLocation: { ref: SYSTEM_REJECTED_LOCATION_REF } }]);
    expect(fulfilments.filter((f) => f.fromLocation.ref === SYSTEM_REJECTED_LOCATION_REF)).toHaveLength(1);
    // ResolveOrderCoordinates placed the address among the profile's Sydney locations.
    expect(data.order.fulfilmentChoice.deliveryAddress.latitude).toBeCloseTo(-33.87, 0);
    const events = accountOf(app).orchestration!.events.search({ 'context.rootEntityRef': ['PROFILE-NO-STOCK'], count: 500 }).results;
    expect(events.filter((e) => e.eventStatus === 'FAILED').map((e) => e.name)).toEqual([]);
    expect(events.some((e) => e.name === 'CreateRejectedFulfilment' && e.eventStatus === 'COMPLETE')).toBe(true);
  });

  it('updates retailer 1 of a --seed none account and keeps its ADMIN role', async () => {
    const { data } = await apps[0]!.gql<{ retailers: Edges<{ id: string; tradingName: string }> }>(
      '{ retailers(first: 10) { edges { node { id tradingName } } } }',
    );
    const retailer1 = data.retailers.edges.find((e) => e.node.id === '1');
    expect(retailer1?.node.tradingName).toBe(inputsOf(generateProfile('small', 42), 'createRetailer')[0]!['tradingName']);
  });
});

describe('loadProfile on a fresh account (the --seed small start-up path)', () => {
  async function freshAccount(): Promise<Account> {
    const { model } = loadSchema();
    return buildAccount({
      id: 'FRESH',
      credentials: { clientId: 'FRESH', clientSecret: 'secret' },
      model,
      clock: createClock({ start: TEST_START, frozen: true }),
      ids: createIds({ deterministicUuids: true }),
      paging: { defaultPageSize: 10, maxPageSize: 500 },
      registry: createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'skip' }),
      workflowDirs: [packagePath('rulesets')],
      webhookKeys: loadOrCreateKeyPair({}),
    });
  }

  it('creates retailer 1, the ADMIN role with every permission, and books every order', async () => {
    const account = await freshAccount();
    const seed = generateProfile('small', 5);
    const { counts } = await loadProfile(account, 'small', 5);
    expect(account.store.get('Retailer', '1')?.['tradingName']).toBe(inputsOf(seed, 'createRetailer')[0]!['tradingName']);
    const admin = account.entities.findByKey(account.view, 'Role', { name: 'ADMIN' });
    expect(Array.isArray(admin?.['permissions']) && admin['permissions'].length).toBe(seed.records?.['Permission']?.length);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(profileSizes('small').orders);
    expect(counts['CREATED'] ?? 0).toBe(0);
  });

  it('is a valid seed file for applySeed too', async () => {
    const account = await freshAccount();
    const seed = generateProfile('small', 5);
    await applySeed(account, seed, 'generated small');
    await account.orchestration!.engine.drain();
    const orders = account.store.candidates('Order').map((id) => account.store.get('Order', String(id))!);
    expect(orders).toHaveLength(profileSizes('small').orders);
    expect(new Set(orders.map((o) => o['status']))).toEqual(new Set(['BOOKED']));
    const byMutation = (m: string): SeedStep[] => seed.steps.filter((s) => s.mutation === m);
    expect(account.store.count('InventoryPosition')).toBe(byMutation('createInventoryPosition').length);
  });
});

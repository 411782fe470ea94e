/**
 * Customers & users & roles & settings: customers and customer addresses, `me`, users with
 * roles in contexts, roles and permissions (and removing them), settings, currencies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const ALEX = 'alex.shopper@example.com';

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const d = await h.ok(`{ location(ref: "LOC_SYD_STORE") { id } }`);
  ids['syd'] = d.location.id;
});

describe('customers', () => {
  it('createCustomer creates a customer whose ref is the username', async () => {
    const { createCustomer: c } = await h.ok(
      `mutation ($input: CreateCustomerInput) {
        createCustomer(input: $input) { id ref username status title firstName lastName primaryEmail primaryPhone country department timezone promotionOptIn createdOn retailer { id } attributes { name value } }
      }`,
      {
        input: {
          username: ALEX,
          title: 'Mx',
          firstName: 'Alex',
          lastName: 'Shopper',
          primaryEmail: ALEX,
          primaryPhone: '+61 400 111 222',
          country: 'Australia',
          department: 'Retail',
          timezone: 'Australia/Sydney',
          promotionOptIn: true,
          retailer: { id: RETAILER_ID },
          attributes: [{ name: 'loyaltyTier', type: 'STRING', value: 'GOLD' }],
        },
      },
    );
    expect(c).toMatchObject({
      ref: ALEX,
      username: ALEX,
      status: 'ACTIVE',
      title: 'Mx',
      firstName: 'Alex',
      lastName: 'Shopper',
      primaryEmail: ALEX,
      primaryPhone: '+61 400 111 222',
      country: 'Australia',
      department: 'Retail',
      timezone: 'Australia/Sydney',
      promotionOptIn: true,
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
    });
    expect(c.attributes).toEqual([{ name: 'loyaltyTier', value: 'GOLD' }]);
    ids['alex'] = c.id;
  });

  it('createCustomer with a username that exists fails with C0121E', async () => {
    const errors = await h.fail(
      `mutation { createCustomer(input: { username: "jane.citizen@example.com", primaryEmail: "x@example.com", timezone: "UTC", promotionOptIn: false, retailer: { id: "1" } }) { id } }`,
    );
    expect(errors[0]!.message).toContain('C0121E');
  });

  it('customerById and customer(ref) return it (and the seeded customer)', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      customerById(id: $id) { id username firstName }
      customer(ref: "alex.shopper@example.com") { id lastName attributes { name value } }
      seeded: customer(ref: "jane.citizen@example.com") { firstName lastName title primaryPhone promotionOptIn }
      missing: customer(ref: "nobody@example.com") { id }
    }`,
      { id: ids['alex'] },
    );
    expect(d.customerById).toEqual({ id: ids['alex'], username: ALEX, firstName: 'Alex' });
    expect(d.customer).toEqual({ id: ids['alex'], lastName: 'Shopper', attributes: [{ name: 'loyaltyTier', value: 'GOLD' }] });
    expect(d.seeded).toEqual({ firstName: 'Jane', lastName: 'Citizen', title: 'Ms', primaryPhone: '+61 400 000 000', promotionOptIn: false });
    expect(d.missing).toBeNull();
  });

  it('customers finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      optIn: customers(promotionOptIn: [true]) { edges { node { username } } }
      byName: customers(firstName: ["Alex", "Jane"]) { edges { node { username } } }
      byDate: customers(createdOn: $now, timezone: ["Australia/Sydney"]) { edges { node { username } } }
      wrong: customers(firstName: ["Alex"], lastName: ["Citizen"]) { edges { node { username } } }
      old: customers(createdOn: $old) { edges { node { username } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.optIn, 'username')).toEqual([ALEX]);
    expect(pluck(d.byName, 'username').sort()).toEqual([ALEX, 'jane.citizen@example.com']);
    expect(pluck(d.byDate, 'username')).toEqual([ALEX]);
    expect(pluck(d.wrong, 'username')).toEqual([]);
    expect(pluck(d.old, 'username')).toEqual([]);
  });

  it('updateCustomer (keyed by username) changes fields and upserts attributes', async () => {
    const { updateCustomer: u } = await h.ok(`mutation {
      updateCustomer(input: { username: "alex.shopper@example.com", lastName: "Shopper-Smith", promotionOptIn: false, attributes: [{ name: "loyaltyTier", type: "STRING", value: "PLATINUM" }] }) {
        username lastName promotionOptIn firstName attributes { name value }
      }
    }`);
    expect(u).toEqual({
      username: ALEX,
      lastName: 'Shopper-Smith',
      promotionOptIn: false,
      firstName: 'Alex',
      attributes: [{ name: 'loyaltyTier', value: 'PLATINUM' }],
    });
    const d = await h.ok(
      `{ customer(ref: "alex.shopper@example.com") { lastName promotionOptIn } optIn: customers(promotionOptIn: [true]) { edges { node { username } } } }`,
    );
    expect(d.customer).toEqual({ lastName: 'Shopper-Smith', promotionOptIn: false });
    expect(pluck(d.optIn, 'username')).toEqual([]);
  });
});

describe('customer addresses', () => {
  it('createCustomerAddress / customerAddressById / customerAddresses / updateCustomerAddress', async () => {
    const { createCustomerAddress: a } = await h.ok(`mutation {
      createCustomerAddress(input: { ref: "ALEX-HOME", name: "Alex Shopper", companyName: "Home", street: "7 Ocean St", city: "Bondi", state: "NSW", postcode: "2026", country: "Australia", latitude: -33.89, longitude: 151.27, timeZone: "Australia/Sydney", email: "alex.shopper@example.com" }) {
        id ref name companyName street city state postcode latitude longitude email createdOn
      }
    }`);
    expect(a).toMatchObject({
      ref: 'ALEX-HOME',
      name: 'Alex Shopper',
      companyName: 'Home',
      street: '7 Ocean St',
      city: 'Bondi',
      state: 'NSW',
      postcode: '2026',
      latitude: -33.89,
      longitude: 151.27,
      email: ALEX,
      createdOn: NOW,
    });

    const d = await h.ok(
      `query ($id: ID!) {
      customerAddressById(id: $id) { id ref city }
      byCity: customerAddresses(city: ["Bondi"]) { edges { node { ref } } }
      byRef: customerAddresses(ref: ["ALEX-HOME"], state: ["NSW"]) { edges { node { ref } } }
      wrong: customerAddresses(city: ["Bondi"], state: ["VIC"]) { edges { node { ref } } }
    }`,
      { id: a.id },
    );
    expect(d.customerAddressById).toEqual({ id: a.id, ref: 'ALEX-HOME', city: 'Bondi' });
    expect(pluck(d.byCity)).toEqual(['ALEX-HOME']);
    expect(pluck(d.byRef)).toEqual(['ALEX-HOME']);
    expect(pluck(d.wrong)).toEqual([]);

    const { updateCustomerAddress: u } = await h.ok(
      `mutation ($id: ID!) { updateCustomerAddress(input: { id: $id, street: "9 Ocean St", companyName: "Beach house" }) { ref street companyName city } }`,
      { id: a.id },
    );
    expect(u).toEqual({ ref: 'ALEX-HOME', street: '9 Ocean St', companyName: 'Beach house', city: 'Bondi' });
    const after = await h.ok(
      `query ($id: ID!) { customerAddressById(id: $id) { street } moved: customerAddresses(street: ["9 Ocean St"]) { edges { node { ref } } } }`,
      { id: a.id },
    );
    expect(after.customerAddressById).toEqual({ street: '9 Ocean St' });
    expect(pluck(after.moved)).toEqual(['ALEX-HOME']);
  });
});

describe('me and users', () => {
  it('me is the authenticated user (the configured admin)', async () => {
    const { me } = await h.ok(
      `{ me { id ref username firstName lastName primaryEmail type status primaryRetailer { id ref } roles { role { name } contexts { contextType contextId } } } }`,
    );
    expect(me).toMatchObject({
      ref: 'admin',
      username: 'admin',
      firstName: 'Local',
      lastName: 'Admin',
      primaryEmail: 'admin@fluent-sim.local',
      type: 'ADMIN',
      primaryRetailer: { id: RETAILER_ID, ref: 'LOCAL' },
    });
    expect(me.id).toMatch(/^\d+$/);
    expect(me.roles).toEqual([
      {
        role: { name: 'ADMIN' },
        contexts: [
          { contextType: 'ACCOUNT', contextId: 'LOCAL' },
          { contextType: 'RETAILER', contextId: RETAILER_ID },
        ],
      },
    ]);
  });

  it('createUser creates a user with roles in contexts (the password is not exposed)', async () => {
    const { createUser: u } = await h.ok(
      `mutation ($input: CreateUserInput) {
        createUser(input: $input) {
          id ref username title firstName lastName primaryEmail primaryPhone type status department country timezone promotionOptIn createdOn
          language { value label } primaryRetailer { id } primaryLocation { ref }
          roles { role { name permissions { name } } contexts { contextType contextId } }
          attributes { name value }
        }
      }`,
      {
        input: {
          ref: 'picker.syd',
          username: 'picker.syd',
          password: 'S3cret!',
          title: 'Mr',
          firstName: 'Pat',
          lastName: 'Picker',
          primaryEmail: 'pat.picker@retail.example',
          primaryPhone: '+61 2 9000 0000',
          type: 'STORE',
          department: 'Store ops',
          country: 'Australia',
          timezone: 'Australia/Sydney',
          language: { value: 'en-AU', label: 'English (Australia)' },
          promotionOptIn: false,
          primaryRetailer: { id: RETAILER_ID },
          primaryLocation: { id: ids['syd'] },
          roles: [{ role: { name: 'STORE_ASSISTANT' }, contexts: [{ contextType: 'LOCATION', contextId: ids['syd'] }] }],
          attributes: [{ name: 'badge', type: 'STRING', value: 'P-17' }],
        },
      },
    );
    expect(u).toMatchObject({
      ref: 'picker.syd',
      username: 'picker.syd',
      title: 'Mr',
      firstName: 'Pat',
      lastName: 'Picker',
      primaryEmail: 'pat.picker@retail.example',
      type: 'STORE',
      status: 'ACTIVE',
      department: 'Store ops',
      timezone: 'Australia/Sydney',
      promotionOptIn: false,
      createdOn: NOW,
    });
    expect(u.language).toEqual({ value: 'en-AU', label: 'English (Australia)' });
    expect(u.primaryRetailer).toEqual({ id: RETAILER_ID });
    expect(u.primaryLocation).toEqual({ ref: 'LOC_SYD_STORE' });
    expect(u.roles).toEqual([
      {
        role: {
          name: 'STORE_ASSISTANT',
          permissions: [
            { name: 'ORDER_VIEW' },
            { name: 'FULFILMENT_VIEW' },
            { name: 'FULFILMENT_UPDATE' },
            { name: 'LOCATION_VIEW' },
            { name: 'INVENTORY_VIEW' },
          ],
        },
        contexts: [{ contextType: 'LOCATION', contextId: ids['syd'] }],
      },
    ]);
    expect(u.attributes).toEqual([{ name: 'badge', value: 'P-17' }]);
    expect(JSON.stringify(u)).not.toContain('S3cret!');
    ids['picker'] = u.id;
  });

  it('createUser with an unknown role fails with C0120E', async () => {
    const errors = await h.fail(
      `mutation { createUser(input: { ref: "broken", username: "broken", password: "x", primaryEmail: "x@example.com", type: "API", timezone: "UTC", roles: [{ role: { name: "NO_SUCH_ROLE" }, contexts: [] }] }) { id } }`,
    );
    expect(errors[0]!.message).toContain('C0120E');
    const { user } = await h.ok(`{ user(username: "broken") { id } }`);
    expect(user).toBeNull();
  });

  it('userById and user(id|username) return it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      userById(id: $id) { id username type }
      byName: user(username: "picker.syd") { id firstName }
      byId: user(id: $id) { username }
      admin: user(username: "admin") { type primaryRetailer { id } }
      missing: user(username: "nobody") { id }
    }`,
      { id: ids['picker'] },
    );
    expect(d.userById).toEqual({ id: ids['picker'], username: 'picker.syd', type: 'STORE' });
    expect(d.byName).toEqual({ id: ids['picker'], firstName: 'Pat' });
    expect(d.byId).toEqual({ username: 'picker.syd' });
    expect(d.admin).toEqual({ type: 'ADMIN', primaryRetailer: { id: RETAILER_ID } });
    expect(d.missing).toBeNull();
  });

  it('users finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      store: users(type: ["STORE"]) { edges { node { username } } }
      byName: users(username: ["picker.syd", "admin"]) { edges { node { username } } }
      byDept: users(department: ["Store ops"], status: ["ACTIVE"]) { edges { node { username } } }
      wrong: users(username: ["picker.syd"], type: ["ADMIN"]) { edges { node { username } } }
    }`);
    expect(pluck(d.store, 'username')).toEqual(['picker.syd']);
    expect(pluck(d.byName, 'username').sort()).toEqual(['admin', 'picker.syd']);
    expect(pluck(d.byDept, 'username')).toEqual(['picker.syd']);
    expect(pluck(d.wrong, 'username')).toEqual([]);
  });

  it('updateUser changes fields and status', async () => {
    const { updateUser: u } = await h.ok(
      `mutation ($id: ID!) {
      updateUser(input: { id: $id, firstName: "Patricia", department: "Click & collect", status: "INACTIVE" }) { username firstName department status lastName }
    }`,
      { id: ids['picker'] },
    );
    expect(u).toEqual({ username: 'picker.syd', firstName: 'Patricia', department: 'Click & collect', status: 'INACTIVE', lastName: 'Picker' });
    const d = await h.ok(`{ user(username: "picker.syd") { firstName status } inactive: users(status: ["INACTIVE"]) { edges { node { username } } } }`);
    expect(d.user).toEqual({ firstName: 'Patricia', status: 'INACTIVE' });
    expect(pluck(d.inactive, 'username')).toEqual(['picker.syd']);
  });

  it('removeUserRolesFromUser removes the role in that context from the user', async () => {
    const { removeUserRolesFromUser: r } = await h.ok(
      `mutation ($loc: ID!) {
      removeUserRolesFromUser(input: { user: { username: "picker.syd" }, roles: [{ role: { name: "STORE_ASSISTANT" }, contexts: [{ contextType: "LOCATION", contextId: $loc }] }] }) { status }
    }`,
      { loc: ids['syd'] },
    );
    expect(typeof r.status).toBe('string');
    const { user } = await h.ok(`{ user(username: "picker.syd") { roles { role { name } } } }`);
    expect(user.roles ?? []).toEqual([]);
  });
});

describe('roles and permissions', () => {
  it('createRole creates a role with permissions', async () => {
    const { createRole: r } = await h.ok(
      `mutation { createRole(input: { name: "PICKER", permissions: [{ name: "FULFILMENT_VIEW" }, { name: "FULFILMENT_UPDATE" }] }) { id name permissions { name } } }`,
    );
    expect(r).toMatchObject({ name: 'PICKER', permissions: [{ name: 'FULFILMENT_VIEW' }, { name: 'FULFILMENT_UPDATE' }] });
    expect(r.id).toMatch(/^\d+$/);
  });

  it('createRole with an unknown permission fails with C0120E', async () => {
    const errors = await h.fail(`mutation { createRole(input: { name: "BROKEN", permissions: [{ name: "NO_SUCH_PERMISSION" }] }) { id } }`);
    expect(errors[0]!.message).toContain('C0120E');
  });

  it('role(name) and roles return it', async () => {
    const d = await h.ok(`{
      role(name: "PICKER") { name permissions { name } }
      seeded: role(name: "STORE_ASSISTANT") { permissions { name } }
      byName: roles(name: ["PICKER", "ADMIN"]) { edges { node { name } } }
      all: roles { edges { node { name } } }
      wrong: roles(name: ["NOT_A_ROLE"]) { edges { node { name } } }
    }`);
    expect(d.role).toEqual({ name: 'PICKER', permissions: [{ name: 'FULFILMENT_VIEW' }, { name: 'FULFILMENT_UPDATE' }] });
    expect(d.seeded.permissions).toHaveLength(5);
    expect(pluck(d.byName, 'name').sort()).toEqual(['ADMIN', 'PICKER']);
    expect(pluck(d.all, 'name').sort()).toEqual(['ADMIN', 'PICKER', 'STORE_ASSISTANT']);
    expect(pluck(d.wrong, 'name')).toEqual([]);
  });

  it('updateRole (keyed by name) sets the permissions', async () => {
    const { updateRole: u } = await h.ok(
      `mutation { updateRole(input: { name: "PICKER", permissions: [{ name: "FULFILMENT_VIEW" }, { name: "FULFILMENT_UPDATE" }, { name: "ORDER_VIEW" }] }) { name permissions { name } } }`,
    );
    expect(u).toEqual({ name: 'PICKER', permissions: [{ name: 'FULFILMENT_VIEW' }, { name: 'FULFILMENT_UPDATE' }, { name: 'ORDER_VIEW' }] });
    const { role } = await h.ok(`{ role(name: "PICKER") { permissions { name } } }`);
    expect(pluck({ edges: role.permissions.map((p: { name: string }) => ({ node: p })) }, 'name')).toContain('ORDER_VIEW');
  });

  it('permission(name) and permissions return the seeded permissions', async () => {
    const d = await h.ok(`{
      permission(name: "ORDER_VIEW") { name }
      missing: permission(name: "NOT_A_PERMISSION") { name }
      some: permissions(name: ["ORDER_VIEW", "ORDER_CREATE"]) { edges { node { name } } }
      all: permissions(first: 100) { edges { node { name } } }
      wrong: permissions(name: ["NOT_A_PERMISSION"]) { edges { node { name } } }
    }`);
    expect(d.permission).toEqual({ name: 'ORDER_VIEW' });
    expect(d.missing).toBeNull();
    expect(pluck(d.some, 'name').sort()).toEqual(['ORDER_CREATE', 'ORDER_VIEW']);
    expect(pluck(d.all, 'name')).toHaveLength(42);
    expect(pluck(d.wrong, 'name')).toEqual([]);
  });

  it('removePermissionsFromRole removes the permission from the role', async () => {
    const { removePermissionsFromRole: r } = await h.ok(
      `mutation { removePermissionsFromRole(input: { role: { name: "PICKER" }, permissions: [{ name: "ORDER_VIEW" }] }) { status } }`,
    );
    expect(typeof r.status).toBe('string');
    const { role } = await h.ok(`{ role(name: "PICKER") { permissions { name } } }`);
    expect(role.permissions).toEqual([{ name: 'FULFILMENT_VIEW' }, { name: 'FULFILMENT_UPDATE' }]);
  });
});

describe('settings', () => {
  it('createSetting creates string and JSON (lobValue) settings', async () => {
    const d = await h.ok(`mutation {
      str: createSetting(input: { name: "fc.test.feature", valueType: "STRING", value: "on", context: "RETAILER", contextId: 1 }) { id name valueType value lobValue context contextId }
      json: createSetting(input: { name: "fc.test.config", valueType: "JSON", lobValue: { retries: 3, channels: ["web", "app"] }, context: "ACCOUNT", contextId: 0 }) { id name valueType lobValue context contextId }
    }`);
    expect(d.str).toMatchObject({ name: 'fc.test.feature', valueType: 'STRING', value: 'on', lobValue: null, context: 'RETAILER', contextId: 1 });
    expect(d.json).toMatchObject({
      name: 'fc.test.config',
      valueType: 'JSON',
      lobValue: { retries: 3, channels: ['web', 'app'] },
      context: 'ACCOUNT',
      contextId: 0,
    });
    ids['setting'] = d.str.id;
    ids['jsonSetting'] = d.json.id;
  });

  it('setting(id) returns it', async () => {
    const d = await h.ok(`query ($id: ID, $json: ID) { setting(id: $id) { id name value } json: setting(id: $json) { lobValue } }`, {
      id: ids['setting'],
      json: ids['jsonSetting'],
    });
    expect(d.setting).toEqual({ id: ids['setting'], name: 'fc.test.feature', value: 'on' });
    expect(d.json).toEqual({ lobValue: { retries: 3, channels: ['web', 'app'] } });
  });

  it('settings finds by name and context and not by a non-matching filter', async () => {
    const d = await h.ok(`{
      byName: settings(name: ["fc.test.feature"]) { edges { node { name value } } }
      retailer: settings(context: ["RETAILER"], contextId: [1]) { edges { node { name } } }
      account: settings(context: ["ACCOUNT"]) { edges { node { name } } }
      wrong: settings(name: ["fc.test.feature"], context: ["ACCOUNT"]) { edges { node { name } } }
    }`);
    expect(nodes(d.byName)).toEqual([{ name: 'fc.test.feature', value: 'on' }]);
    expect(pluck(d.retailer, 'name').sort()).toEqual(['fc.rubix.sdk.webhook.retry.schedule', 'fc.test.feature']);
    expect(pluck(d.account, 'name')).toEqual(['fc.test.config']);
    expect(pluck(d.wrong, 'name')).toEqual([]);
  });

  it('updateSetting (keyed by id) changes the value', async () => {
    const { updateSetting: u } = await h.ok(
      `mutation ($id: ID!) { updateSetting(input: { id: $id, valueType: "STRING", value: "off", context: "RETAILER", contextId: 1 }) { id name value } }`,
      { id: ids['setting'] },
    );
    expect(u).toEqual({ id: ids['setting'], name: 'fc.test.feature', value: 'off' });
    const d = await h.ok(`query ($id: ID) { setting(id: $id) { value } off: settings(value: ["off"]) { edges { node { name } } } }`, { id: ids['setting'] });
    expect(d.setting).toEqual({ value: 'off' });
    expect(pluck(d.off, 'name')).toEqual(['fc.test.feature']);
  });
});

describe('currencies', () => {
  it('currency(alphabeticCode) returns a seeded currency', async () => {
    const d = await h.ok(
      `{ currency(alphabeticCode: "AUD") { id alphabeticCode numericCode name minorUnits isISO4217 } missing: currency(alphabeticCode: "XXX") { id } }`,
    );
    expect(d.currency).toMatchObject({ alphabeticCode: 'AUD', numericCode: '036', name: 'Australian Dollar', minorUnits: 2, isISO4217: true });
    expect(d.currency.id).toMatch(/^\d+$/);
    expect(d.missing).toBeNull();
  });

  it('currencies finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      noMinor: currencies(minorUnits: [0]) { edges { node { alphabeticCode name } } }
      some: currencies(alphabeticCode: ["AUD", "NZD"]) { edges { node { alphabeticCode } } }
      all: currencies(isISO4217: [true]) { edges { node { alphabeticCode } } }
      wrong: currencies(alphabeticCode: ["AUD"], minorUnits: [0]) { edges { node { alphabeticCode } } }
    }`);
    expect(nodes(d.noMinor)).toEqual([{ alphabeticCode: 'JPY', name: 'Yen' }]);
    expect(pluck(d.some, 'alphabeticCode').sort()).toEqual(['AUD', 'NZD']);
    expect(pluck(d.all, 'alphabeticCode').sort()).toEqual(['AUD', 'EUR', 'GBP', 'JPY', 'NZD', 'USD']);
    expect(pluck(d.wrong, 'alphabeticCode')).toEqual([]);
  });
});

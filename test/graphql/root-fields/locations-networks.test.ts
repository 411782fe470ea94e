/**
 * Locations & networks: retailers, networks, locations with their store address, opening
 * schedule and storage areas, and removing locations from networks (both directions).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const SCHEDULE = {
  allHours: false,
  monStart: 900,
  monEnd: 1700,
  tueStart: 900,
  tueEnd: 1700,
  wedStart: 900,
  wedEnd: 1700,
  thuStart: 900,
  thuEnd: 2100,
  friStart: 900,
  friEnd: 1700,
  satStart: 1000,
  satEnd: 1600,
  sunStart: 1100,
  sunEnd: 1500,
};

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const d = await h.ok(`{
    stores: network(ref: "STORES") { id }
    base: network(ref: "BASE") { id }
    mel: location(ref: "LOC_MEL_STORE") { id }
    syd: location(ref: "LOC_SYD_STORE") { id }
  }`);
  ids['STORES'] = d.stores.id;
  ids['BASE'] = d.base.id;
  ids['LOC_MEL_STORE'] = d.mel.id;
  ids['LOC_SYD_STORE'] = d.syd.id;
});

describe('retailers', () => {
  it('createRetailer stores name as ref, urlName as websiteUrlName, and creates nested networks', async () => {
    const { createRetailer: r } = await h.ok(
      `mutation ($input: CreateRetailerInput) {
        createRetailer(input: $input) { id ref status tradingName summary websiteUrl websiteUrlName primaryEmail supportContactName supportEmail supportPhone createdOn networks { edges { node { ref type } } } }
      }`,
      {
        input: {
          name: 'OUTLET',
          tradingName: 'Sim Outlet',
          summary: 'Second retailer',
          websiteUrl: 'https://outlet.example',
          urlName: 'outlet',
          primaryEmail: 'ops@outlet.example',
          supportContactName: 'Outlet Support',
          supportEmail: 'help@outlet.example',
          supportPhone: '+61 2 8000 0000',
          networks: [{ ref: 'OUTLET_BASE', type: 'BASE' }],
        },
      },
    );
    expect(r).toMatchObject({
      ref: 'OUTLET',
      status: 'ACTIVE',
      tradingName: 'Sim Outlet',
      summary: 'Second retailer',
      websiteUrl: 'https://outlet.example',
      websiteUrlName: 'outlet',
      primaryEmail: 'ops@outlet.example',
      supportContactName: 'Outlet Support',
      supportEmail: 'help@outlet.example',
      supportPhone: '+61 2 8000 0000',
      createdOn: NOW,
    });
    expect(nodes(r.networks)).toEqual([{ ref: 'OUTLET_BASE', type: 'BASE' }]);
    expect(r.id).not.toBe(RETAILER_ID);
    ids['OUTLET'] = r.id;
  });

  it('retailerById returns the created retailer and the seeded one', async () => {
    const d = await h.ok(
      `query ($id: ID!, $seeded: ID!) {
      retailerById(id: $id) { id ref tradingName websiteUrlName }
      seeded: retailerById(id: $seeded) { ref tradingName primaryEmail }
      missing: retailerById(id: "999") { id }
    }`,
      { id: ids['OUTLET'], seeded: RETAILER_ID },
    );
    expect(d.retailerById).toEqual({ id: ids['OUTLET'], ref: 'OUTLET', tradingName: 'Sim Outlet', websiteUrlName: 'outlet' });
    expect(d.seeded).toEqual({ ref: 'LOCAL', tradingName: 'Fluent Sim Retail', primaryEmail: 'ops@retail.example' });
    expect(d.missing).toBeNull();
  });

  it('retailers finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byRef: retailers(ref: ["OUTLET"]) { edges { node { ref tradingName } } }
      byName: retailers(tradingName: ["Sim Outlet", "Fluent Sim Retail"]) { edges { node { ref } } }
      byDate: retailers(createdOn: $now) { edges { node { ref } } }
      wrong: retailers(ref: ["OUTLET"], supportEmail: ["support@retail.example"]) { edges { node { ref } } }
      old: retailers(createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(nodes(d.byRef)).toEqual([{ ref: 'OUTLET', tradingName: 'Sim Outlet' }]);
    expect(pluck(d.byName).sort()).toEqual(['LOCAL', 'OUTLET']);
    expect(pluck(d.byDate).sort()).toEqual(['LOCAL', 'OUTLET']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.old)).toEqual([]);
  });

  it('updateRetailer changes trading name and status', async () => {
    const { updateRetailer: u } = await h.ok(
      `mutation ($id: ID!) {
      updateRetailer(input: { id: $id, tradingName: "Sim Outlet Pty Ltd", status: "INACTIVE" }) { id ref tradingName status }
    }`,
      { id: ids['OUTLET'] },
    );
    expect(u).toEqual({ id: ids['OUTLET'], ref: 'OUTLET', tradingName: 'Sim Outlet Pty Ltd', status: 'INACTIVE' });
    const d = await h.ok(
      `query ($id: ID!) {
      retailerById(id: $id) { tradingName status }
      inactive: retailers(status: ["INACTIVE"]) { edges { node { ref } } }
    }`,
      { id: ids['OUTLET'] },
    );
    expect(d.retailerById).toEqual({ tradingName: 'Sim Outlet Pty Ltd', status: 'INACTIVE' });
    expect(pluck(d.inactive)).toEqual(['OUTLET']);
  });
});

describe('networks', () => {
  it('createNetwork links retailers and locations', async () => {
    const { createNetwork: n } = await h.ok(
      `mutation ($mel: ID!) {
      createNetwork(input: { name: "VIC", type: "CC", retailers: [{ id: "1" }], locations: [{ id: $mel }], attributes: [{ name: "region", type: "STRING", value: "VIC" }] }) {
        id ref type status createdOn attributes { name value } retailers { edges { node { id ref } } } locations { edges { node { ref } } }
      }
    }`,
      { mel: ids['LOC_MEL_STORE'] },
    );
    expect(n).toMatchObject({ ref: 'VIC', type: 'CC', status: 'ACTIVE', createdOn: NOW, attributes: [{ name: 'region', value: 'VIC' }] });
    expect(nodes(n.retailers)).toEqual([{ id: RETAILER_ID, ref: 'LOCAL' }]);
    expect(pluck(n.locations)).toEqual(['LOC_MEL_STORE']);
    ids['VIC'] = n.id;
  });

  it('createNetwork with an unknown location fails with C0120E and creates nothing', async () => {
    const errors = await h.fail(`mutation { createNetwork(input: { name: "BROKEN", retailers: [{ id: "1" }], locations: [{ id: "999" }] }) { id } }`);
    expect(errors[0]!.message).toContain('C0120E');
    const { network } = await h.ok(`{ network(ref: "BROKEN") { id } }`);
    expect(network).toBeNull();
  });

  it('network(id|ref) and networkById return it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      byId: networkById(id: $id) { id ref type }
      byRef: network(ref: "VIC") { id ref locations { edges { node { ref } } } }
      byIdArg: network(id: $id) { ref }
      seeded: network(ref: "STORES") { type locations { edges { node { ref } } } }
      missing: network(ref: "NOPE") { id }
    }`,
      { id: ids['VIC'] },
    );
    expect(d.byId).toEqual({ id: ids['VIC'], ref: 'VIC', type: 'CC' });
    expect(d.byRef.id).toBe(ids['VIC']);
    expect(pluck(d.byRef.locations)).toEqual(['LOC_MEL_STORE']);
    expect(d.byIdArg).toEqual({ ref: 'VIC' });
    expect(d.seeded.type).toBe('CC');
    expect(pluck(d.seeded.locations).sort()).toEqual(['LOC_MEL_STORE', 'LOC_SYD_STORE']);
    expect(d.missing).toBeNull();
  });

  it('networks finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      cc: networks(type: ["CC"]) { edges { node { ref } } }
      byRef: networks(ref: ["VIC", "BASE"]) { edges { node { ref } } }
      wrong: networks(ref: ["VIC"], type: ["BASE"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.cc).sort()).toEqual(['STORES', 'VIC']);
    expect(pluck(d.byRef).sort()).toEqual(['BASE', 'VIC']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateNetwork changes type and status', async () => {
    const { updateNetwork: u } = await h.ok(`mutation ($id: ID!) { updateNetwork(input: { id: $id, type: "HD", status: "INACTIVE" }) { ref type status } }`, {
      id: ids['VIC'],
    });
    expect(u).toEqual({ ref: 'VIC', type: 'HD', status: 'INACTIVE' });
    const d = await h.ok(`{ network(ref: "VIC") { type status } hd: networks(type: ["HD"]) { edges { node { ref } } } }`);
    expect(d.network).toEqual({ type: 'HD', status: 'INACTIVE' });
    expect(pluck(d.hd)).toEqual(['VIC']);
  });
});

describe('locations', () => {
  it('createLocation creates the location with its address, opening schedule, storage areas and network memberships', async () => {
    const { createLocation: l } = await h.ok(
      `mutation ($input: CreateLocationInput) {
        createLocation(input: $input) {
          id ref type name status workflowRef workflowVersion supportPhoneNumber defaultCarrier createdOn attributes { name value }
          retailer { id }
          primaryAddress { __typename ref name street city state postcode country latitude longitude timeZone ... on StoreAddress { location { ref } } }
          openingSchedule { allHours monStart monEnd thuEnd satStart sunEnd }
          networks { edges { node { ref } } }
          storageAreas { edges { node { type status location { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'LOC_BNE_STORE',
          type: 'STORE',
          name: 'Brisbane Queen St Store',
          supportPhoneNumber: '+61 7 3000 0000',
          defaultCarrier: 'AUSPOST',
          attributes: [{ name: 'pickupEnabled', type: 'BOOLEAN', value: true }],
          primaryAddress: {
            ref: 'LOC_BNE_STORE_ADDR',
            name: 'Brisbane Queen St Store',
            street: '1 Queen St',
            city: 'Brisbane',
            state: 'QLD',
            postcode: '4000',
            country: 'Australia',
            latitude: -27.4698,
            longitude: 153.0251,
            timeZone: 'Australia/Brisbane',
          },
          retailer: { id: RETAILER_ID },
          openingSchedule: SCHEDULE,
          networks: [{ id: ids['STORES'] }],
          storageAreas: [{ ref: 'BNE_BACKROOM', type: 'BACKROOM' }],
        },
      },
    );
    expect(l).toMatchObject({
      ref: 'LOC_BNE_STORE',
      type: 'STORE',
      name: 'Brisbane Queen St Store',
      status: 'CREATED',
      workflowRef: 'LOCATION::STORE',
      workflowVersion: expect.any(Number),
      supportPhoneNumber: '+61 7 3000 0000',
      defaultCarrier: 'AUSPOST',
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
    });
    expect(l.attributes).toEqual([{ name: 'pickupEnabled', value: true }]);
    expect(l.primaryAddress).toEqual({
      __typename: 'StoreAddress',
      ref: 'LOC_BNE_STORE_ADDR',
      name: 'Brisbane Queen St Store',
      street: '1 Queen St',
      city: 'Brisbane',
      state: 'QLD',
      postcode: '4000',
      country: 'Australia',
      latitude: -27.4698,
      longitude: 153.0251,
      timeZone: 'Australia/Brisbane',
      location: { ref: 'LOC_BNE_STORE' },
    });
    expect(l.openingSchedule).toEqual({ allHours: false, monStart: 900, monEnd: 1700, thuEnd: 2100, satStart: 1000, sunEnd: 1500 });
    expect(pluck(l.networks)).toEqual(['STORES']);
    expect(nodes(l.storageAreas)).toEqual([{ type: 'BACKROOM', status: 'ACTIVE', location: { ref: 'LOC_BNE_STORE' } }]);
    ids['LOC_BNE_STORE'] = l.id;
  });

  it('the new location is a member of the network it named', async () => {
    const { network } = await h.ok(`{ network(ref: "STORES") { locations { edges { node { ref } } } } }`);
    expect(pluck(network.locations).sort()).toEqual(['LOC_BNE_STORE', 'LOC_MEL_STORE', 'LOC_SYD_STORE']);
  });

  it('location(id|ref) and locationById return it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      locationById(id: $id) { id ref name primaryAddress { city } }
      byRef: location(ref: "LOC_BNE_STORE") { id type }
      byId: location(id: $id) { ref }
      seeded: location(ref: "LOC_MEL_DC") { type name primaryAddress { city postcode } openingSchedule { allHours } networks { edges { node { ref } } } }
      missing: location(ref: "LOC_NOPE") { id }
    }`,
      { id: ids['LOC_BNE_STORE'] },
    );
    expect(d.locationById).toEqual({ id: ids['LOC_BNE_STORE'], ref: 'LOC_BNE_STORE', name: 'Brisbane Queen St Store', primaryAddress: { city: 'Brisbane' } });
    expect(d.byRef).toEqual({ id: ids['LOC_BNE_STORE'], type: 'STORE' });
    expect(d.byId).toEqual({ ref: 'LOC_BNE_STORE' });
    expect(d.seeded).toMatchObject({
      type: 'WAREHOUSE',
      name: 'Melbourne Distribution Centre',
      primaryAddress: { city: 'Dandenong', postcode: '3175' },
      openingSchedule: { allHours: true },
    });
    expect(pluck(d.seeded.networks)).toEqual(['BASE']);
    expect(d.missing).toBeNull();
  });

  it('locations finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange) {
      stores: locations(type: ["STORE"]) { edges { node { ref } } }
      byName: locations(name: ["Brisbane Queen St Store"]) { edges { node { ref } } }
      byDate: locations(ref: ["LOC_BNE_STORE"], createdOn: $now) { edges { node { ref } } }
      byCarrier: locations(defaultCarrier: ["AUSPOST"], first: 10) { edges { node { ref } } }
      wrong: locations(ref: ["LOC_BNE_STORE"], type: ["WAREHOUSE"]) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW },
    );
    expect(pluck(d.stores).sort()).toEqual(['LOC_BNE_STORE', 'LOC_MEL_STORE', 'LOC_SYD_STORE']);
    expect(pluck(d.byName)).toEqual(['LOC_BNE_STORE']);
    expect(pluck(d.byDate)).toEqual(['LOC_BNE_STORE']);
    expect(pluck(d.byCarrier).sort()).toEqual(['LOC_BNE_STORE', 'LOC_MEL_DC', 'LOC_MEL_STORE', 'LOC_SYD_STORE']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateLocation changes own fields', async () => {
    const { updateLocation: u } = await h.ok(
      `mutation ($id: ID!) {
      updateLocation(input: { id: $id, name: "Brisbane CBD Store", status: "INACTIVE", supportPhoneNumber: "+61 7 3000 0001", attributes: [{ name: "pickupEnabled", type: "BOOLEAN", value: false }] }) {
        name status supportPhoneNumber type attributes { name value }
      }
    }`,
      { id: ids['LOC_BNE_STORE'] },
    );
    expect(u).toEqual({
      name: 'Brisbane CBD Store',
      status: 'INACTIVE',
      supportPhoneNumber: '+61 7 3000 0001',
      type: 'STORE',
      attributes: [{ name: 'pickupEnabled', value: false }],
    });
    const d = await h.ok(`{ location(ref: "LOC_BNE_STORE") { name status } inactive: locations(status: ["INACTIVE"]) { edges { node { ref } } } }`);
    expect(d.location).toEqual({ name: 'Brisbane CBD Store', status: 'INACTIVE' });
    expect(pluck(d.inactive)).toEqual(['LOC_BNE_STORE']);
  });

  it('updateLocation updates its opening schedule and primary address (nested, by id)', async () => {
    const { location } = await h.ok(`{ location(ref: "LOC_BNE_STORE") { openingSchedule { id } primaryAddress { id } } }`);
    const { updateLocation: u } = await h.ok(
      `mutation ($id: ID!, $os: ID!, $addr: ID!) {
      updateLocation(input: { id: $id, openingSchedule: { id: $os, sunStart: 1000 }, primaryAddress: { id: $addr, directions: "Level 1, Queen St Mall" } }) {
        openingSchedule { sunStart sunEnd } primaryAddress { ... on StoreAddress { directions street } }
      }
    }`,
      { id: ids['LOC_BNE_STORE'], os: location.openingSchedule.id, addr: location.primaryAddress.id },
    );
    expect(u).toEqual({ openingSchedule: { sunStart: 1000, sunEnd: 1500 }, primaryAddress: { directions: 'Level 1, Queen St Mall', street: '1 Queen St' } });
  });
});

describe('store addresses, opening schedules and storage areas', () => {
  it('createStoreAddress / storeAddressById / storeAddresses / updateStoreAddress', async () => {
    const { createStoreAddress: a } = await h.ok(`mutation {
      createStoreAddress(input: { ref: "BNE_NEW_ADDR", name: "Brisbane new site", street: "200 Adelaide St", city: "Brisbane", state: "QLD", postcode: "4000", country: "Australia", latitude: -27.468, longitude: 153.027, timeZone: "Australia/Brisbane", email: "bne@retail.example" }) {
        id ref name street city latitude longitude email createdOn
      }
    }`);
    expect(a).toMatchObject({
      ref: 'BNE_NEW_ADDR',
      name: 'Brisbane new site',
      street: '200 Adelaide St',
      city: 'Brisbane',
      latitude: -27.468,
      longitude: 153.027,
      email: 'bne@retail.example',
      createdOn: NOW,
    });
    ids['BNE_NEW_ADDR'] = a.id;

    const d = await h.ok(
      `query ($id: ID!) {
      storeAddressById(id: $id) { ref street postcode }
      byCity: storeAddresses(city: ["Brisbane"]) { edges { node { ref } } }
      byPostcode: storeAddresses(postcode: ["3175"]) { edges { node { ref } } }
      wrong: storeAddresses(city: ["Brisbane"], state: ["VIC"]) { edges { node { ref } } }
    }`,
      { id: a.id },
    );
    expect(d.storeAddressById).toEqual({ ref: 'BNE_NEW_ADDR', street: '200 Adelaide St', postcode: '4000' });
    expect(pluck(d.byCity).sort()).toEqual(['BNE_NEW_ADDR', 'LOC_BNE_STORE_ADDR']);
    expect(pluck(d.byPostcode)).toEqual(['LOC_MEL_DC_ADDR']);
    expect(pluck(d.wrong)).toEqual([]);

    const { updateStoreAddress: u } = await h.ok(
      `mutation ($id: ID!) { updateStoreAddress(input: { id: $id, street: "202 Adelaide St", directions: "Enter via the laneway" }) { ref street directions } }`,
      { id: a.id },
    );
    expect(u).toEqual({ ref: 'BNE_NEW_ADDR', street: '202 Adelaide St', directions: 'Enter via the laneway' });
    const after = await h.ok(
      `query ($id: ID!) { storeAddressById(id: $id) { street directions } moved: storeAddresses(street: ["202 Adelaide St"]) { edges { node { ref } } } }`,
      { id: a.id },
    );
    expect(after.storeAddressById).toEqual({ street: '202 Adelaide St', directions: 'Enter via the laneway' });
    expect(pluck(after.moved)).toEqual(['BNE_NEW_ADDR']);
  });

  it('updateLocationPrimaryAddress points the location at another store address', async () => {
    const { updateLocationPrimaryAddress: u } = await h.ok(
      `mutation ($id: ID!, $addr: ID!) {
      updateLocationPrimaryAddress(input: { id: $id, primaryAddress: { id: $addr } }) { ref primaryAddress { id ref street } }
    }`,
      { id: ids['LOC_BNE_STORE'], addr: ids['BNE_NEW_ADDR'] },
    );
    expect(u).toEqual({ ref: 'LOC_BNE_STORE', primaryAddress: { id: ids['BNE_NEW_ADDR'], ref: 'BNE_NEW_ADDR', street: '202 Adelaide St' } });
    const { location } = await h.ok(`{ location(ref: "LOC_BNE_STORE") { primaryAddress { ref city } } }`);
    expect(location.primaryAddress).toEqual({ ref: 'BNE_NEW_ADDR', city: 'Brisbane' });
  });

  it('openingSchedules / updateOpeningSchedule', async () => {
    const { location } = await h.ok(`{ location(ref: "LOC_BNE_STORE") { openingSchedule { id } } }`);
    const osId = location.openingSchedule.id;
    const before = await h.ok(`{
      lateThursday: openingSchedules(thuEnd: [2100]) { edges { node { id thuEnd satStart } } }
      allHours: openingSchedules(allHours: [true]) { edges { node { id } } }
      wrong: openingSchedules(thuEnd: [2100], allHours: [true]) { edges { node { id } } }
    }`);
    expect(nodes(before.lateThursday)).toEqual([{ id: osId, thuEnd: 2100, satStart: 1000 }]);
    expect(pluck(before.allHours, 'id')).toHaveLength(1); // LOC_MEL_DC
    expect(pluck(before.wrong, 'id')).toEqual([]);

    const { updateOpeningSchedule: u } = await h.ok(
      `mutation ($id: ID!) { updateOpeningSchedule(input: { id: $id, allHours: true, monStart: 0, monEnd: 2359 }) { id allHours monStart monEnd thuEnd } }`,
      { id: osId },
    );
    expect(u).toEqual({ id: osId, allHours: true, monStart: 0, monEnd: 2359, thuEnd: 2100 });
    const after = await h.ok(
      `{ location(ref: "LOC_BNE_STORE") { openingSchedule { allHours monEnd } } allHours: openingSchedules(allHours: [true]) { edges { node { id } } } }`,
    );
    expect(after.location.openingSchedule).toEqual({ allHours: true, monEnd: 2359 });
    expect(pluck(after.allHours, 'id')).toContain(osId);
  });

  it('createStorageArea / storageAreaById / storageAreas / updateStorageArea', async () => {
    const { createStorageArea: s } = await h.ok(
      `mutation ($loc: ID!) {
      createStorageArea(input: { ref: "BNE_COOLROOM", location: { id: $loc }, type: "COOLROOM", attributes: [{ name: "tempC", type: "INTEGER", value: 4 }] }) { id type status createdOn location { ref } }
    }`,
      { loc: ids['LOC_BNE_STORE'] },
    );
    expect(s).toMatchObject({ type: 'COOLROOM', status: 'ACTIVE', createdOn: NOW, location: { ref: 'LOC_BNE_STORE' } });

    const d = await h.ok(
      `query ($id: ID!) {
      storageAreaById(id: $id) { id type location { ref } }
      cool: storageAreas(type: ["COOLROOM"]) { edges { node { id } } }
      all: storageAreas(status: ["ACTIVE"]) { edges { node { type } } }
      wrong: storageAreas(type: ["COOLROOM"], status: ["INACTIVE"]) { edges { node { id } } }
      location(ref: "LOC_BNE_STORE") { storageAreas { edges { node { type } } } }
    }`,
      { id: s.id },
    );
    expect(d.storageAreaById).toEqual({ id: s.id, type: 'COOLROOM', location: { ref: 'LOC_BNE_STORE' } });
    expect(pluck(d.cool, 'id')).toEqual([s.id]);
    expect(pluck(d.all, 'type').sort()).toEqual(['BACKROOM', 'COOLROOM']);
    expect(pluck(d.wrong, 'id')).toEqual([]);
    expect(pluck(d.location.storageAreas, 'type').sort()).toEqual(['BACKROOM', 'COOLROOM']);

    const { updateStorageArea: u } = await h.ok(
      `mutation ($id: ID!) { updateStorageArea(input: { id: $id, status: "INACTIVE", type: "FREEZER" }) { id status type } }`,
      { id: s.id },
    );
    expect(u).toEqual({ id: s.id, status: 'INACTIVE', type: 'FREEZER' });
    const after = await h.ok(
      `query ($id: ID!) { storageAreaById(id: $id) { status type } inactive: storageAreas(status: ["INACTIVE"]) { edges { node { id } } } }`,
      { id: s.id },
    );
    expect(after.storageAreaById).toEqual({ status: 'INACTIVE', type: 'FREEZER' });
    expect(pluck(after.inactive, 'id')).toEqual([s.id]);
  });
});

describe('removing locations from networks', () => {
  it('removeLocationsFromNetwork: the location is no longer in network.locations nor the network in location.networks', async () => {
    const { removeLocationsFromNetwork: r } = await h.ok(`mutation {
      removeLocationsFromNetwork(input: { network: { ref: "STORES" }, locations: [{ ref: "LOC_SYD_STORE" }] }) { status }
    }`);
    expect(typeof r.status).toBe('string');
    const d = await h.ok(`{
      network(ref: "STORES") { locations { edges { node { ref } } } }
      location(ref: "LOC_SYD_STORE") { networks { edges { node { ref } } } }
    }`);
    expect(pluck(d.network.locations).sort()).toEqual(['LOC_BNE_STORE', 'LOC_MEL_STORE']);
    expect(pluck(d.location.networks)).toEqual(['BASE']);
  });

  it('removeNetworksFromLocation: the network is no longer in location.networks nor the location in network.locations', async () => {
    const { removeNetworksFromLocation: r } = await h.ok(`mutation {
      removeNetworksFromLocation(input: { location: { ref: "LOC_BNE_STORE" }, networks: [{ ref: "STORES" }] }) { status }
    }`);
    expect(typeof r.status).toBe('string');
    const d = await h.ok(`{
      location(ref: "LOC_BNE_STORE") { networks { edges { node { ref } } } }
      network(ref: "STORES") { locations { edges { node { ref } } } }
    }`);
    expect(pluck(d.location.networks)).toEqual([]);
    expect(pluck(d.network.locations)).toEqual(['LOC_MEL_STORE']);
  });
});

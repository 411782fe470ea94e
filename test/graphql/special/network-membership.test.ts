import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const networkLocations = async (t: TestApp, ref: string): Promise<string[]> => {
  const data = await ok<{ network: { locations: { edges: { node: { ref: string } }[] } } }>(
    t,
    `query($ref: String) { network(ref: $ref) { locations(first: 50) { edges { node { ref } } } } }`,
    { ref },
  );
  return data.network.locations.edges.map((e) => e.node.ref).sort();
};
const locationNetworks = async (t: TestApp, ref: string): Promise<string[]> => {
  const data = await ok<{ location: { networks: { edges: { node: { ref: string } }[] } } }>(
    t,
    `query($ref: String) { location(ref: $ref) { networks(first: 50) { edges { node { ref } } } } }`,
    { ref },
  );
  return data.location.networks.edges.map((e) => e.node.ref).sort();
};

describe('Mutation.removeLocationsFromNetwork', () => {
  it('takes the locations out of the network, seen from both sides', async () => {
    const t = await createTestApp();
    expect(await networkLocations(t, 'STORES')).toEqual(['LOC_MEL_STORE', 'LOC_SYD_STORE']);
    const data = await ok<{ removeLocationsFromNetwork: { status: string } }>(
      t,
      `mutation { removeLocationsFromNetwork(input: {network: {ref: "STORES"}, locations: [{ref: "LOC_SYD_STORE"}]}) { status } }`,
    );
    expect(data.removeLocationsFromNetwork.status).toBe('SUCCESS');
    expect(await networkLocations(t, 'STORES')).toEqual(['LOC_MEL_STORE']);
    expect(await locationNetworks(t, 'LOC_SYD_STORE')).toEqual(['BASE']);
    expect(await networkLocations(t, 'BASE')).toEqual(['LOC_MEL_DC', 'LOC_MEL_STORE', 'LOC_SYD_STORE']);
  });

  it('also drops a membership stored on the location', async () => {
    const t = await createTestApp();
    const base = await ok<{ network: { id: string } }>(t, `{ network(ref: "BASE") { id } }`);
    const dc = await ok<{ location: { id: string } }>(t, `{ location(ref: "LOC_MEL_DC") { id } }`);
    await ok(t, `mutation($id: ID!, $net: ID!) { updateLocation(input: {id: $id, networks: [{id: $net}]}) { id } }`, {
      id: dc.location.id,
      net: base.network.id,
    });
    await ok(t, `mutation($net: ID) { removeLocationsFromNetwork(input: {network: {id: $net}, locations: [{ref: "LOC_MEL_DC"}]}) { status } }`, {
      net: base.network.id,
    });
    expect(await locationNetworks(t, 'LOC_MEL_DC')).toEqual([]);
    expect(await networkLocations(t, 'BASE')).toEqual(['LOC_MEL_STORE', 'LOC_SYD_STORE']);
  });

  it('answers C0120E for an unknown location and changes nothing', async () => {
    const t = await createTestApp();
    const res = await t.gql(
      `mutation { removeLocationsFromNetwork(input: {network: {ref: "STORES"}, locations: [{ref: "LOC_SYD_STORE"}, {ref: "NOPE"}]}) { status } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect(await networkLocations(t, 'STORES')).toEqual(['LOC_MEL_STORE', 'LOC_SYD_STORE']);
  });
});

describe('Mutation.removeNetworksFromLocation', () => {
  it('takes the location out of the networks, seen from both sides', async () => {
    const t = await createTestApp();
    expect(await locationNetworks(t, 'LOC_MEL_STORE')).toEqual(['BASE', 'STORES']);
    const data = await ok<{ removeNetworksFromLocation: { status: string } }>(
      t,
      `mutation { removeNetworksFromLocation(input: {location: {ref: "LOC_MEL_STORE"}, networks: [{ref: "BASE"}, {ref: "STORES"}]}) { status } }`,
    );
    expect(data.removeNetworksFromLocation.status).toBe('SUCCESS');
    expect(await locationNetworks(t, 'LOC_MEL_STORE')).toEqual([]);
    expect(await networkLocations(t, 'STORES')).toEqual(['LOC_SYD_STORE']);
  });

  it('answers C0120E for an unknown location', async () => {
    const t = await createTestApp();
    const res = await t.gql(`mutation { removeNetworksFromLocation(input: {location: {ref: "NOPE"}, networks: [{ref: "BASE"}]}) { status } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});

import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok, seededLocation } from './fixtures.js';

describe('Mutation.updateLocationPrimaryAddress', () => {
  it('makes an existing store address the primary address of the location', async () => {
    const t = await createTestApp();
    const mel = await seededLocation(t, 'LOC_MEL_STORE');
    const dc = await seededLocation(t, 'LOC_MEL_DC');
    const data = await ok<{ updateLocationPrimaryAddress: { ref: string; primaryAddress: { id: string; ref: string; location: { ref: string } } } }>(
      t,
      `mutation($id: ID!, $address: ID!) { updateLocationPrimaryAddress(input: {id: $id, primaryAddress: {id: $address}}) { ref primaryAddress { ... on StoreAddress { id ref location { ref } } } } }`,
      { id: mel.id, address: dc.addressId },
    );
    expect(data.updateLocationPrimaryAddress).toEqual({
      ref: 'LOC_MEL_STORE',
      primaryAddress: { id: dc.addressId, ref: 'LOC_MEL_DC_ADDR', location: { ref: 'LOC_MEL_STORE' } },
    });
    expect((await seededLocation(t, 'LOC_MEL_STORE')).addressId).toBe(dc.addressId);
  });

  it('answers C0120E for an unknown address and changes nothing', async () => {
    const t = await createTestApp();
    const mel = await seededLocation(t, 'LOC_MEL_STORE');
    const res = await t.gql(`mutation($id: ID!) { updateLocationPrimaryAddress(input: {id: $id, primaryAddress: {id: "999"}}) { id } }`, { id: mel.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect((await seededLocation(t, 'LOC_MEL_STORE')).addressId).toBe(mel.addressId);
  });
});

describe('Mutation.updateOpeningSchedule (generic update)', () => {
  it('updates the given hours and keeps the others', async () => {
    const t = await createTestApp();
    const schedule = await ok<{ location: { openingSchedule: { id: string } } }>(t, `{ location(ref: "LOC_SYD_STORE") { openingSchedule { id } } }`);
    const id = schedule.location.openingSchedule.id;
    const data = await ok<{ updateOpeningSchedule: { monStart: number; monEnd: number; sunStart: number } }>(
      t,
      `mutation($id: ID!) { updateOpeningSchedule(input: {id: $id, monStart: 800, sunStart: 1000}) { monStart monEnd sunStart } }`,
      { id },
    );
    expect(data.updateOpeningSchedule).toEqual({ monStart: 800, monEnd: 1700, sunStart: 1000 });
    const read = await ok<{ location: { openingSchedule: { monStart: number } } }>(t, `{ location(ref: "LOC_SYD_STORE") { openingSchedule { monStart } } }`);
    expect(read.location.openingSchedule.monStart).toBe(800);
  });

  it('answers C0120E for an unknown schedule', async () => {
    const t = await createTestApp();
    const res = await t.gql(`mutation { updateOpeningSchedule(input: {id: "999", monStart: 800}) { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});

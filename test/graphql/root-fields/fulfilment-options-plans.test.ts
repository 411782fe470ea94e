/**
 * Fulfilment options and plans: a fulfilment option request for products near a location, and a
 * plan answering it with one fulfilment from a store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
});

const OPTION_INPUT = {
  ref: 'FO-0001',
  type: 'HD',
  retailerId: 1,
  orderType: 'HD',
  locationRef: 'LOC_MEL_STORE',
  trackingCode: 'TRK-0001',
  address: {
    name: 'Jane Citizen',
    addressLine1: '10 Smith St',
    city: 'Fitzroy',
    state: 'VIC',
    postcode: '3065',
    country: 'Australia',
    latitude: -37.8,
    longitude: 144.98,
  },
  products: [
    { productRef: 'TSHIRT-BLK-M', catalogueRef: 'PC:MASTER:1', requestedQuantity: 2 },
    { productRef: 'RUNNER-42', catalogueRef: 'PC:MASTER:1', requestedQuantity: 1 },
  ],
  attributes: [{ name: 'channel', type: 'STRING', value: 'web' }],
};

describe('fulfilment options', () => {
  it('createFulfilmentOption creates the option with its address and requested products', async () => {
    const { createFulfilmentOption: o } = await h.ok(
      `mutation ($input: CreateFulfilmentOptionInput) {
        createFulfilmentOption(input: $input) {
          id ref type status workflowRef workflowVersion retailerId orderType locationRef trackingCode createdOn attributes { name value }
          address { name addressLine1 city postcode latitude longitude } products { productRef catalogueRef requestedQuantity }
        }
      }`,
      { input: OPTION_INPUT },
    );
    expect(o).toMatchObject({
      ref: 'FO-0001',
      type: 'HD',
      status: 'CREATED',
      workflowRef: 'FULFILMENT_OPTIONS::HD',
      workflowVersion: expect.any(Number),
      retailerId: 1,
      orderType: 'HD',
      locationRef: 'LOC_MEL_STORE',
      trackingCode: 'TRK-0001',
      createdOn: NOW,
      attributes: [{ name: 'channel', value: 'web' }],
    });
    expect(o.address).toEqual({ name: 'Jane Citizen', addressLine1: '10 Smith St', city: 'Fitzroy', postcode: '3065', latitude: -37.8, longitude: 144.98 });
    expect(o.products).toEqual([
      { productRef: 'TSHIRT-BLK-M', catalogueRef: 'PC:MASTER:1', requestedQuantity: 2 },
      { productRef: 'RUNNER-42', catalogueRef: 'PC:MASTER:1', requestedQuantity: 1 },
    ]);
    ids['option'] = o.id;
  });

  it('createFulfilmentOption with executionMode AWAIT_ORCHESTRATION returns the option', async () => {
    const { createFulfilmentOption: o } = await h.ok(
      `mutation ($input: CreateFulfilmentOptionInput) { createFulfilmentOption(input: $input, executionMode: AWAIT_ORCHESTRATION) { id ref type locationRef products { productRef } plans { edges { node { ref } } } } }`,
      { input: { ...OPTION_INPUT, ref: 'FO-0002', type: 'CC', orderType: 'CC', locationRef: 'LOC_SYD_STORE', trackingCode: 'TRK-0002' } },
    );
    expect(o).toMatchObject({
      ref: 'FO-0002',
      type: 'CC',
      locationRef: 'LOC_SYD_STORE',
      products: [{ productRef: 'TSHIRT-BLK-M' }, { productRef: 'RUNNER-42' }],
    });
    expect(Array.isArray(o.plans.edges)).toBe(true);
    ids['option2'] = o.id;
  });

  it('fulfilmentOptionById returns it', async () => {
    const { fulfilmentOptionById, missing } = await h.ok(
      `query ($id: ID!) { fulfilmentOptionById(id: $id) { id ref trackingCode } missing: fulfilmentOptionById(id: "999") { id } }`,
      { id: ids['option'] },
    );
    expect(fulfilmentOptionById).toEqual({ id: ids['option'], ref: 'FO-0001', trackingCode: 'TRK-0001' });
    expect(missing).toBeNull();
  });

  it('fulfilmentOptions finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byLocation: fulfilmentOptions(locationRef: ["LOC_MEL_STORE"], orderType: ["HD"]) { edges { node { ref } } }
      byRetailer: fulfilmentOptions(retailerId: [1], createdOn: $now) { edges { node { ref } } }
      byTracking: fulfilmentOptions(trackingCode: ["TRK-0002"]) { edges { node { ref } } }
      wrong: fulfilmentOptions(ref: ["FO-0001"], type: ["CC"]) { edges { node { ref } } }
      wrongRetailer: fulfilmentOptions(retailerId: [99]) { edges { node { ref } } }
      old: fulfilmentOptions(createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.byLocation)).toEqual(['FO-0001']);
    expect(pluck(d.byRetailer).sort()).toEqual(['FO-0001', 'FO-0002']);
    expect(pluck(d.byTracking)).toEqual(['FO-0002']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.wrongRetailer)).toEqual([]);
    expect(pluck(d.old)).toEqual([]);
  });

  it('updateFulfilmentOption changes status and tracking code', async () => {
    const { updateFulfilmentOption: u } = await h.ok(
      `mutation ($id: ID!) { updateFulfilmentOption(input: { id: $id, status: "COMPLETE", trackingCode: "TRK-0001-B" }) { ref status trackingCode } }`,
      { id: ids['option'] },
    );
    expect(u).toEqual({ ref: 'FO-0001', status: 'COMPLETE', trackingCode: 'TRK-0001-B' });
    const d = await h.ok(
      `query ($id: ID!) { fulfilmentOptionById(id: $id) { status trackingCode } complete: fulfilmentOptions(status: ["COMPLETE"]) { edges { node { ref } } } }`,
      { id: ids['option'] },
    );
    expect(d.fulfilmentOptionById).toEqual({ status: 'COMPLETE', trackingCode: 'TRK-0001-B' });
    expect(pluck(d.complete)).toEqual(['FO-0001']);
  });
});

describe('fulfilment plans', () => {
  it('createFulfilmentPlan creates a plan for an option', async () => {
    const { createFulfilmentPlan: p } = await h.ok(
      `mutation ($option: ID!) {
      createFulfilmentPlan(input: { ref: "FP-0001", type: "HD", eta: "2 days", retailerId: 1, fulfilmentOptionId: { id: $option }, attributes: [{ name: "score", type: "FLOAT", value: 0.93 }] }) {
        id ref type status workflowRef workflowVersion eta retailerId createdOn attributes { name value }
      }
    }`,
      { option: ids['option'] },
    );
    expect(p).toMatchObject({
      ref: 'FP-0001',
      type: 'HD',
      status: 'CREATED',
      workflowRef: 'FULFILMENT_PLAN::HD',
      workflowVersion: expect.any(Number),
      eta: '2 days',
      retailerId: 1,
      createdOn: NOW,
      attributes: [{ name: 'score', value: 0.93 }],
    });
    ids['plan'] = p.id;
  });

  it('createFulfilmentPlan stores the planned fulfilments with their items, and the exceptions', async () => {
    const { createFulfilmentPlan: p } = await h.ok(
      `mutation ($option: ID!) {
      createFulfilmentPlan(input: { ref: "FP-0003", type: "HD", retailerId: 1, fulfilmentOptionId: { id: $option },
        fulfilments: [{ fulfilmentType: "HD_PFS", locationRef: "LOC_MEL_STORE", eta: "1 day", items: [
          { productRef: "TSHIRT-BLK-M", catalogueRef: "PC:MASTER:1", availableQuantity: 5, requestedQuantity: 2 },
          { productRef: "RUNNER-42", catalogueRef: "PC:MASTER:1", availableQuantity: 38, requestedQuantity: 1 } ] }],
        exceptions: [{ code: "SPLIT_AVOIDED", message: "All items from one store" }] }) {
        ref fulfilments { fulfilmentType locationRef eta items { productRef catalogueRef availableQuantity requestedQuantity } }
        exceptions { code message }
      }
    }`,
      { option: ids['option'] },
    );
    expect(p.fulfilments).toEqual([
      {
        fulfilmentType: 'HD_PFS',
        locationRef: 'LOC_MEL_STORE',
        eta: '1 day',
        items: [
          { productRef: 'TSHIRT-BLK-M', catalogueRef: 'PC:MASTER:1', availableQuantity: 5, requestedQuantity: 2 },
          { productRef: 'RUNNER-42', catalogueRef: 'PC:MASTER:1', availableQuantity: 38, requestedQuantity: 1 },
        ],
      },
    ]);
    expect(p.exceptions).toEqual([{ code: 'SPLIT_AVOIDED', message: 'All items from one store' }]);
  });

  it('the option lists the plan', async () => {
    const { fulfilmentOptionById } = await h.ok(`query ($id: ID!) { fulfilmentOptionById(id: $id) { plans { edges { node { ref } } } } }`, {
      id: ids['option'],
    });
    expect(pluck(fulfilmentOptionById.plans)).toContain('FP-0001');
  });

  it('a plan links its fulfilment option (input fulfilmentOptionId) and counts its splits (input splits)', async () => {
    await h.ok(
      `mutation ($option: ID!) { createFulfilmentPlan(input: { ref: "FP-0002", type: "HD", splits: 2, retailerId: 1, fulfilmentOptionId: { id: $option } }) { id } }`,
      { option: ids['option'] },
    );
    const d = await h.ok(
      `query ($id: ID!) {
      fulfilmentPlanById(id: $id) { fulfilmentOption { ref } }
      twoSplits: fulfilmentPlans(splitCount: [2]) { edges { node { ref splitCount } } }
    }`,
      { id: ids['plan'] },
    );
    expect(d.fulfilmentPlanById.fulfilmentOption).toEqual({ ref: 'FO-0001' });
    expect(nodes(d.twoSplits)).toEqual([{ ref: 'FP-0002', splitCount: 2 }]);
  });

  it('fulfilmentPlanById returns it', async () => {
    const { fulfilmentPlanById, missing } = await h.ok(
      `query ($id: ID!) { fulfilmentPlanById(id: $id) { id ref eta type } missing: fulfilmentPlanById(id: "999") { id } }`,
      { id: ids['plan'] },
    );
    expect(fulfilmentPlanById).toEqual({ id: ids['plan'], ref: 'FP-0001', eta: '2 days', type: 'HD' });
    expect(missing).toBeNull();
  });

  it('fulfilmentPlans finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byEta: fulfilmentPlans(eta: ["2 days"], retailerId: [1]) { edges { node { ref } } }
      byType: fulfilmentPlans(type: ["HD"], status: ["CREATED"]) { edges { node { ref } } }
      wrong: fulfilmentPlans(ref: ["FP-0001"], eta: ["5 days"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byEta)).toEqual(['FP-0001']);
    expect(pluck(d.byType)).toContain('FP-0001');
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateFulfilmentPlan changes status and eta', async () => {
    const { updateFulfilmentPlan: u } = await h.ok(
      `mutation ($id: ID!) { updateFulfilmentPlan(input: { id: $id, status: "ACCEPTED", eta: "36 hours" }) { ref status eta } }`,
      { id: ids['plan'] },
    );
    expect(u).toEqual({ ref: 'FP-0001', status: 'ACCEPTED', eta: '36 hours' });
    const d = await h.ok(`{ fulfilmentPlans(status: ["ACCEPTED"]) { edges { node { ref eta } } } }`);
    expect(nodes(d.fulfilmentPlans)).toEqual([{ ref: 'FP-0001', eta: '36 hours' }]);
  });

  it('updateFulfilmentPlan replaces the exceptions', async () => {
    const { updateFulfilmentPlan: u } = await h.ok(
      `mutation ($id: ID!) {
      updateFulfilmentPlan(input: { id: $id, exceptions: [{ code: "NONE", message: "Accepted as is" }] }) { ref exceptions { code message } }
    }`,
      { id: ids['plan'] },
    );
    expect(u).toEqual({ ref: 'FP-0001', exceptions: [{ code: 'NONE', message: 'Accepted as is' }] });
  });
});

/**
 * Inventory & virtual: inventory catalogues, positions and quantities, their aggregates and bulk
 * status updates; virtual catalogues and positions, searchVirtualInventory; control groups and
 * controls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const INV = { ref: 'INV:TEST' };
const VC = { ref: 'VC:TEST' };
const _POS = { ref: 'RUNNER-43:LOC_MEL_STORE', catalogue: INV };

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const d = await h.ok(`{ network(ref: "BASE") { id } }`);
  ids['BASE'] = d.network.id;
});

describe('inventory catalogues', () => {
  it('createInventoryCatalogue creates an orchestrated catalogue', async () => {
    const { createInventoryCatalogue: c } = await h.ok(`mutation {
      createInventoryCatalogue(input: { ref: "INV:TEST", type: "DEFAULT", name: "Test inventory", description: "Root-field tests", retailerRefs: ["1"], attributes: [{ name: "source", type: "STRING", value: "test" }] }) {
        id ref type name description retailerRefs status workflowRef workflowVersion createdOn attributes { name value }
      }
    }`);
    expect(c).toMatchObject({
      ref: 'INV:TEST',
      type: 'DEFAULT',
      name: 'Test inventory',
      description: 'Root-field tests',
      retailerRefs: ['1'],
      status: 'CREATED',
      workflowRef: 'INVENTORY_CATALOGUE::DEFAULT',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      attributes: [{ name: 'source', value: 'test' }],
    });
  });

  it('inventoryCatalogue(ref) returns it (and the seeded one)', async () => {
    const d = await h.ok(
      `{ inventoryCatalogue(ref: "INV:TEST") { ref name type } seeded: inventoryCatalogue(ref: "DEFAULT:1") { name description } missing: inventoryCatalogue(ref: "NOPE") { ref } }`,
    );
    expect(d.inventoryCatalogue).toEqual({ ref: 'INV:TEST', name: 'Test inventory', type: 'DEFAULT' });
    expect(d.seeded).toEqual({ name: 'Inventory of retailer 1', description: 'Default inventory catalogue' });
    expect(d.missing).toBeNull();
  });

  it('inventoryCatalogues finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byName: inventoryCatalogues(name: ["Test inventory"]) { edges { node { ref } } }
      byDate: inventoryCatalogues(createdOn: $now, type: ["DEFAULT"]) { edges { node { ref } } }
      wrong: inventoryCatalogues(name: ["Test inventory"], createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.byName)).toEqual(['INV:TEST']);
    expect(pluck(d.byDate).sort()).toEqual(['DEFAULT:1', 'INV:TEST']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateInventoryCatalogue changes name and status', async () => {
    const { updateInventoryCatalogue: u } = await h.ok(
      `mutation { updateInventoryCatalogue(input: { ref: "INV:TEST", name: "Test inventory (AU)", status: "INACTIVE" }) { ref name status } }`,
    );
    expect(u).toEqual({ ref: 'INV:TEST', name: 'Test inventory (AU)', status: 'INACTIVE' });
    const d = await h.ok(
      `{ inventoryCatalogue(ref: "INV:TEST") { name status } inactive: inventoryCatalogues(status: ["INACTIVE"]) { edges { node { ref } } } }`,
    );
    expect(d.inventoryCatalogue).toEqual({ name: 'Test inventory (AU)', status: 'INACTIVE' });
    expect(pluck(d.inactive)).toEqual(['INV:TEST']);
  });
});

describe('inventory positions and quantities', () => {
  it('createInventoryPosition creates a position; product and location resolve from productRef / locationRef', async () => {
    const { createInventoryPosition: p } = await h.ok(`mutation {
      createInventoryPosition(input: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" }, type: "DEFAULT", productRef: "RUNNER-43", locationRef: "LOC_MEL_STORE", onHand: 12 }) {
        id ref type status workflowRef productRef locationRef onHand createdOn catalogue { ref }
        product(catalogue: { ref: "PC:MASTER:1" }) { __typename ref name }
        location { ref city }
      }
    }`);
    expect(p).toMatchObject({
      ref: 'RUNNER-43:LOC_MEL_STORE',
      type: 'DEFAULT',
      status: 'CREATED',
      workflowRef: 'INVENTORY_POSITION::DEFAULT',
      productRef: 'RUNNER-43',
      locationRef: 'LOC_MEL_STORE',
      onHand: 12,
      createdOn: NOW,
      catalogue: INV,
    });
    expect(p.product).toEqual({ __typename: 'VariantProduct', ref: 'RUNNER-43', name: 'Trail Runner EU 43' });
    expect(p.location).toEqual({ ref: 'LOC_MEL_STORE_ADDR', city: 'Melbourne' });
  });

  it('createInventoryQuantity adds quantities to the position', async () => {
    const d = await h.ok(`mutation {
      onHand: createInventoryQuantity(input: { ref: "RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND", catalogue: { ref: "INV:TEST" }, position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, type: "LAST_ON_HAND", quantity: 12, condition: "NEW", storageAreaRef: "SHOPFLOOR" }) {
        ref type status workflowRef quantity condition storageAreaRef catalogue { ref } position { ref onHand }
      }
      reserved: createInventoryQuantity(input: { ref: "RUNNER-43:LOC_MEL_STORE:RESERVED", catalogue: { ref: "INV:TEST" }, position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, type: "RESERVED", quantity: 3 }) { ref quantity }
      onOrder: createInventoryQuantity(input: { ref: "RUNNER-43:LOC_MEL_STORE:ON_ORDER", catalogue: { ref: "INV:TEST" }, position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, type: "ON_ORDER", quantity: 20, expectedOn: "2026-02-01T00:00:00.000Z" }) { ref expectedOn }
    }`);
    expect(d.onHand).toEqual({
      ref: 'RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND',
      type: 'LAST_ON_HAND',
      status: 'CREATED',
      workflowRef: 'INVENTORY_QUANTITY::LAST_ON_HAND',
      quantity: 12,
      condition: 'NEW',
      storageAreaRef: 'SHOPFLOOR',
      catalogue: INV,
      position: { ref: 'RUNNER-43:LOC_MEL_STORE', onHand: 12 },
    });
    expect(d.reserved).toEqual({ ref: 'RUNNER-43:LOC_MEL_STORE:RESERVED', quantity: 3 });
    expect(d.onOrder).toEqual({ ref: 'RUNNER-43:LOC_MEL_STORE:ON_ORDER', expectedOn: '2026-02-01T00:00:00.000Z' });
  });

  it('inventoryPosition(ref, catalogue) returns it with its quantities', async () => {
    const d = await h.ok(`{
      inventoryPosition(ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" }) { ref onHand quantities { edges { node { type quantity } } } }
      seeded: inventoryPosition(ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "DEFAULT:1" }) { onHand quantities { edges { node { type quantity } } } }
      wrongCatalogue: inventoryPosition(ref: "TSHIRT-BLK-M:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" }) { ref }
    }`);
    expect(d.inventoryPosition.onHand).toBe(12);
    expect(nodes(d.inventoryPosition.quantities).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'LAST_ON_HAND', quantity: 12 },
      { type: 'ON_ORDER', quantity: 20 },
      { type: 'RESERVED', quantity: 3 },
    ]);
    expect(d.seeded).toEqual({ onHand: 5, quantities: { edges: [{ node: { type: 'LAST_ON_HAND', quantity: 5 } }] } });
    expect(d.wrongCatalogue).toBeNull();
  });

  it('inventoryPositions finds by catalogue, product and location and not by non-matching filters', async () => {
    const d = await h.ok(`{
      test: inventoryPositions(catalogue: { ref: "INV:TEST" }) { edges { node { ref } } }
      bySku: inventoryPositions(catalogue: { ref: "DEFAULT:1" }, productRef: ["TSHIRT-BLK-M"]) { edges { node { locationRef onHand } } }
      byLocation: inventoryPositions(catalogue: { ref: "DEFAULT:1" }, locationRef: ["LOC_MEL_DC"], first: 50) { edges { node { productRef } } }
      byOnHand: inventoryPositions(onHand: [12]) { edges { node { ref catalogue { ref } } } }
      wrong: inventoryPositions(catalogue: { ref: "INV:TEST" }, locationRef: ["LOC_SYD_STORE"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.test)).toEqual(['RUNNER-43:LOC_MEL_STORE']);
    expect(nodes(d.bySku).sort((a, b) => a.locationRef.localeCompare(b.locationRef))).toEqual([
      { locationRef: 'LOC_MEL_DC', onHand: 29 },
      { locationRef: 'LOC_MEL_STORE', onHand: 5 },
      { locationRef: 'LOC_SYD_STORE', onHand: 38 },
    ]);
    expect(pluck(d.byLocation, 'productRef').sort()).toEqual(['HOODIE-GRY-M', 'RUNNER-42', 'RUNNER-43', 'TSHIRT-BLK-L', 'TSHIRT-BLK-M']);
    expect(nodes(d.byOnHand)).toEqual([{ ref: 'RUNNER-43:LOC_MEL_STORE', catalogue: INV }]);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('inventoryQuantity(ref, catalogue) and inventoryQuantities return them', async () => {
    const d = await h.ok(
      `query ($feb: DateRange) {
      inventoryQuantity(ref: "RUNNER-43:LOC_MEL_STORE:RESERVED", catalogue: { ref: "INV:TEST" }) { ref type quantity position { ref } }
      byType: inventoryQuantities(catalogue: { ref: "INV:TEST" }, type: ["RESERVED", "ON_ORDER"]) { edges { node { ref } } }
      byExpected: inventoryQuantities(expectedOn: $feb) { edges { node { ref quantity } } }
      byArea: inventoryQuantities(storageAreaRef: ["SHOPFLOOR"], condition: ["NEW"]) { edges { node { ref } } }
      seeded: inventoryQuantities(catalogue: { ref: "DEFAULT:1" }, quantity: [38], first: 50) { edges { node { ref } } }
      wrong: inventoryQuantities(catalogue: { ref: "INV:TEST" }, type: ["RESERVED"], quantity: [99]) { edges { node { ref } } }
    }`,
      { feb: { from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' } },
    );
    expect(d.inventoryQuantity).toEqual({
      ref: 'RUNNER-43:LOC_MEL_STORE:RESERVED',
      type: 'RESERVED',
      quantity: 3,
      position: { ref: 'RUNNER-43:LOC_MEL_STORE' },
    });
    expect(pluck(d.byType).sort()).toEqual(['RUNNER-43:LOC_MEL_STORE:ON_ORDER', 'RUNNER-43:LOC_MEL_STORE:RESERVED']);
    expect(nodes(d.byExpected)).toEqual([{ ref: 'RUNNER-43:LOC_MEL_STORE:ON_ORDER', quantity: 20 }]);
    expect(pluck(d.byArea)).toEqual(['RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND']);
    expect(pluck(d.seeded).sort()).toEqual([
      'RUNNER-42:LOC_MEL_STORE:LAST_ON_HAND',
      'RUNNER-43:LOC_SYD_STORE:LAST_ON_HAND',
      'TSHIRT-BLK-L:LOC_MEL_DC:LAST_ON_HAND',
      'TSHIRT-BLK-M:LOC_SYD_STORE:LAST_ON_HAND',
    ]);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateInventoryPosition and updateInventoryQuantity change the values', async () => {
    const d = await h.ok(`mutation {
      updateInventoryPosition(input: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" }, onHand: 10, status: "UNAVAILABLE" }) { ref onHand status }
      updateInventoryQuantity(input: { ref: "RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND", catalogue: { ref: "INV:TEST" }, quantity: 10, condition: "DAMAGED" }) { ref quantity condition }
    }`);
    expect(d.updateInventoryPosition).toEqual({ ref: 'RUNNER-43:LOC_MEL_STORE', onHand: 10, status: 'UNAVAILABLE' });
    expect(d.updateInventoryQuantity).toEqual({ ref: 'RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND', quantity: 10, condition: 'DAMAGED' });
    const after = await h.ok(`{
      inventoryPosition(ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" }) { onHand status }
      inventoryQuantity(ref: "RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND", catalogue: { ref: "INV:TEST" }) { quantity condition }
      damaged: inventoryQuantities(condition: ["DAMAGED"]) { edges { node { ref } } }
    }`);
    expect(after.inventoryPosition).toEqual({ onHand: 10, status: 'UNAVAILABLE' });
    expect(after.inventoryQuantity).toEqual({ quantity: 10, condition: 'DAMAGED' });
    expect(pluck(after.damaged)).toEqual(['RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND']);
  });
});

describe('inventory aggregates and bulk status updates', () => {
  it("inventoryPositionAggregate sums onHand over a product's positions (optionally within a network)", async () => {
    const d = await h.ok(`{
      all: inventoryPositionAggregate(catalogue: { ref: "DEFAULT:1" }, productRef: "TSHIRT-BLK-M") { sum count }
      stores: inventoryPositionAggregate(catalogue: { ref: "DEFAULT:1" }, productRef: "TSHIRT-BLK-M", networkRef: "STORES") { sum count }
      typed: inventoryPositionAggregate(catalogue: { ref: "DEFAULT:1" }, productRef: "TSHIRT-BLK-M", type: ["DEFAULT"]) { sum count }
      none: inventoryPositionAggregate(catalogue: { ref: "DEFAULT:1" }, productRef: "TSHIRT-BLK-M", type: ["NOT_A_TYPE"]) { sum count }
    }`);
    expect(d.all).toEqual({ sum: 5 + 38 + 29, count: 3 });
    expect(d.stores).toEqual({ sum: 5 + 38, count: 2 });
    expect(d.typed).toEqual({ sum: 72, count: 3 });
    expect(d.none.count).toBe(0);
    expect(d.none.sum ?? 0).toBe(0);
  });

  it('inventoryQuantityAggregate sums the quantities of a position by type and expectedOn', async () => {
    const d = await h.ok(
      `query ($feb: DateRange) {
      stock: inventoryQuantityAggregate(position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, type: ["LAST_ON_HAND", "RESERVED"]) { sum count }
      all: inventoryQuantityAggregate(position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }) { sum count }
      expected: inventoryQuantityAggregate(position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, expectedOn: $feb) { sum count }
    }`,
      { feb: { from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' } },
    );
    expect(d.stock).toEqual({ sum: 13, count: 2 });
    expect(d.all).toEqual({ sum: 33, count: 3 });
    expect(d.expected).toEqual({ sum: 20, count: 1 });
  });

  it('updateInventoryQuantitiesStatus sets the status of the matching quantities and returns their count', async () => {
    const { updateInventoryQuantitiesStatus: r } = await h.ok(`mutation {
      updateInventoryQuantitiesStatus(filter: { position: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "INV:TEST" } }, type: ["RESERVED", "ON_ORDER"] }, input: { status: "INACTIVE" }) { count }
    }`);
    expect(r).toEqual({ count: 2 });
    const d = await h.ok(`{ inactive: inventoryQuantities(catalogue: { ref: "INV:TEST" }, status: ["INACTIVE"]) { edges { node { ref } } }
      onHand: inventoryQuantity(ref: "RUNNER-43:LOC_MEL_STORE:LAST_ON_HAND", catalogue: { ref: "INV:TEST" }) { status } }`);
    expect(pluck(d.inactive).sort()).toEqual(['RUNNER-43:LOC_MEL_STORE:ON_ORDER', 'RUNNER-43:LOC_MEL_STORE:RESERVED']);
    expect(d.onHand.status).not.toBe('INACTIVE');
  });

  it('updateInventoryPositionsStatusByLocation sets the status of every position at the location', async () => {
    const { updateInventoryPositionsStatusByLocation: r } = await h.ok(`mutation {
      updateInventoryPositionsStatusByLocation(filter: { catalogue: { ref: "DEFAULT:1" }, locationRef: "LOC_SYD_STORE" }, input: { status: "INACTIVE" }) { count }
    }`);
    expect(r).toEqual({ count: 5 });
    const d = await h.ok(`{
      syd: inventoryPositions(catalogue: { ref: "DEFAULT:1" }, locationRef: ["LOC_SYD_STORE"]) { edges { node { status } } }
      inactive: inventoryPositions(status: ["INACTIVE"], first: 50) { edges { node { locationRef } } }
    }`);
    expect(pluck(d.syd, 'status')).toEqual(['INACTIVE', 'INACTIVE', 'INACTIVE', 'INACTIVE', 'INACTIVE']);
    expect(new Set(pluck(d.inactive, 'locationRef'))).toEqual(new Set(['LOC_SYD_STORE']));
  });
});

describe('control groups and controls', () => {
  it('createControlGroup and createControl', async () => {
    const d = await h.ok(`mutation {
      createControlGroup(input: { ref: "CG:TEST", type: "DEFAULT", name: "Test controls", description: "Safety stock", retailerRefs: ["1"], attributes: [{ name: "owner", type: "STRING", value: "ops" }] }) {
        ref type name description retailerRefs status workflowRef createdOn
      }
      createControl(input: { ref: "CTL:SAFETY", type: "LOCATION_SAFETY_STOCK", name: "Safety stock", description: "Keep 2 back", values: [{ name: "quantity", type: "INTEGER", value: 2 }], controlGroup: { ref: "CG:TEST" }, executionOrder: 1 }) {
        ref type name description status workflowRef executionOrder values { name type value } controlGroup { ref }
      }
    }`);
    expect(d.createControlGroup).toEqual({
      ref: 'CG:TEST',
      type: 'DEFAULT',
      name: 'Test controls',
      description: 'Safety stock',
      retailerRefs: ['1'],
      status: 'CREATED',
      workflowRef: 'CONTROL_GROUP::DEFAULT',
      createdOn: NOW,
    });
    expect(d.createControl).toEqual({
      ref: 'CTL:SAFETY',
      type: 'LOCATION_SAFETY_STOCK',
      name: 'Safety stock',
      description: 'Keep 2 back',
      status: 'CREATED',
      workflowRef: 'CONTROL::LOCATION_SAFETY_STOCK',
      executionOrder: 1,
      values: [{ name: 'quantity', type: 'INTEGER', value: 2 }],
      controlGroup: { ref: 'CG:TEST' },
    });
  });

  it('controlGroup(ref) and control(ref, controlGroup) return them', async () => {
    const d = await h.ok(`{
      controlGroup(ref: "CG:TEST") { ref name controls { edges { node { ref } } } }
      control(ref: "CTL:SAFETY", controlGroup: { ref: "CG:TEST" }) { ref name executionOrder }
      otherGroup: control(ref: "CTL:SAFETY", controlGroup: { ref: "CG:OTHER" }) { ref }
    }`);
    expect(d.controlGroup).toEqual({ ref: 'CG:TEST', name: 'Test controls', controls: { edges: [{ node: { ref: 'CTL:SAFETY' } }] } });
    expect(d.control).toEqual({ ref: 'CTL:SAFETY', name: 'Safety stock', executionOrder: 1 });
    expect(d.otherGroup).toBeNull();
  });

  it('controlGroups and controls find by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      groups: controlGroups(retailerRefs: [["1"]], name: ["Test controls"]) { edges { node { ref } } }
      groupsWrong: controlGroups(ref: ["CG:TEST"], type: ["OTHER"]) { edges { node { ref } } }
      controls: controls(executionOrder: [1], type: ["LOCATION_SAFETY_STOCK"]) { edges { node { ref } } }
      controlsWrong: controls(ref: ["CTL:SAFETY"], executionOrder: [2]) { edges { node { ref } } }
    }`);
    expect(pluck(d.groups)).toEqual(['CG:TEST']);
    expect(pluck(d.groupsWrong)).toEqual([]);
    expect(pluck(d.controls)).toEqual(['CTL:SAFETY']);
    expect(pluck(d.controlsWrong)).toEqual([]);
  });

  it('updateControlGroup and updateControl change fields', async () => {
    const d = await h.ok(`mutation {
      updateControlGroup(input: { ref: "CG:TEST", name: "Test controls v2", status: "ACTIVE" }) { ref name status }
      updateControl(input: { ref: "CTL:SAFETY", controlGroup: { ref: "CG:TEST" }, executionOrder: 2, values: [{ name: "quantity", type: "INTEGER", value: 3 }] }) { ref executionOrder values { value } }
    }`);
    expect(d.updateControlGroup).toEqual({ ref: 'CG:TEST', name: 'Test controls v2', status: 'ACTIVE' });
    expect(d.updateControl).toEqual({ ref: 'CTL:SAFETY', executionOrder: 2, values: [{ value: 3 }] });
    const after = await h.ok(`{ controlGroup(ref: "CG:TEST") { name status } controls(executionOrder: [2]) { edges { node { ref values { value } } } } }`);
    expect(after.controlGroup).toEqual({ name: 'Test controls v2', status: 'ACTIVE' });
    expect(nodes(after.controls)).toEqual([{ ref: 'CTL:SAFETY', values: [{ value: 3 }] }]);
  });
});

describe('virtual catalogues and positions', () => {
  it('createVirtualCatalogue creates a catalogue over an inventory and product catalogue', async () => {
    const { createVirtualCatalogue: c } = await h.ok(
      `mutation ($base: String) {
      createVirtualCatalogue(input: { ref: "VC:TEST", type: "BASE", name: "Test ATS", description: "Root-field tests", inventoryCatalogueRef: "INV:TEST", productCatalogueRef: "PC:MASTER:1", networkIds: [$base], controlGroupRef: "CG:TEST", retailerRefs: ["1"] }) {
        ref type name description status workflowRef inventoryCatalogueRef productCatalogueRef networkIds controlGroupRef retailerRefs createdOn
      }
    }`,
      { base: ids['BASE'] },
    );
    expect(c).toEqual({
      ref: 'VC:TEST',
      type: 'BASE',
      name: 'Test ATS',
      description: 'Root-field tests',
      status: 'CREATED',
      workflowRef: 'VIRTUAL_CATALOGUE::BASE',
      inventoryCatalogueRef: 'INV:TEST',
      productCatalogueRef: 'PC:MASTER:1',
      networkIds: [ids['BASE']],
      controlGroupRef: 'CG:TEST',
      retailerRefs: ['1'],
      createdOn: NOW,
    });
  });

  it('createVirtualPosition creates positions per product and location group', async () => {
    const d = await h.ok(`mutation {
      mel: createVirtualPosition(input: { ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "VC:TEST" }, type: "BASE", productRef: "RUNNER-43", groupRef: "LOC_MEL_STORE", quantity: 2 }) {
        ref type status workflowRef productRef groupRef quantity catalogue { ref }
      }
      syd: createVirtualPosition(input: { ref: "RUNNER-43:LOC_SYD_STORE", catalogue: { ref: "VC:TEST" }, type: "BASE", productRef: "RUNNER-43", groupRef: "LOC_SYD_STORE", quantity: 10 }) { ref quantity }
      dc: createVirtualPosition(input: { ref: "RUNNER-43:LOC_MEL_DC", catalogue: { ref: "VC:TEST" }, type: "BASE", productRef: "RUNNER-43", groupRef: "LOC_MEL_DC", quantity: 7 }) { ref quantity }
      dcOther: createVirtualPosition(input: { ref: "RUNNER-42:LOC_MEL_DC", catalogue: { ref: "VC:TEST" }, type: "BASE", productRef: "RUNNER-42", groupRef: "LOC_MEL_DC", quantity: 4 }) { ref quantity }
    }`);
    expect(d.mel).toEqual({
      ref: 'RUNNER-43:LOC_MEL_STORE',
      type: 'BASE',
      status: 'CREATED',
      workflowRef: 'VIRTUAL_POSITION::BASE',
      productRef: 'RUNNER-43',
      groupRef: 'LOC_MEL_STORE',
      quantity: 2,
      catalogue: VC,
    });
    expect([d.syd.quantity, d.dc.quantity, d.dcOther.quantity]).toEqual([10, 7, 4]);
  });

  it('virtualCatalogue(ref) and virtualPosition(ref, catalogue) return them', async () => {
    const d = await h.ok(`{
      virtualCatalogue(ref: "VC:TEST") { ref name virtualPositions(first: 10) { edges { node { ref } } } }
      seeded: virtualCatalogue(ref: "BASE:1") { name inventoryCatalogueRef productCatalogueRef }
      virtualPosition(ref: "RUNNER-43:LOC_SYD_STORE", catalogue: { ref: "VC:TEST" }) { ref productRef groupRef quantity catalogue { ref } }
      otherCatalogue: virtualPosition(ref: "RUNNER-43:LOC_SYD_STORE", catalogue: { ref: "BASE:1" }) { quantity catalogue { ref } }
    }`);
    expect(d.virtualCatalogue.name).toBe('Test ATS');
    expect(pluck(d.virtualCatalogue.virtualPositions).sort()).toEqual([
      'RUNNER-42:LOC_MEL_DC',
      'RUNNER-43:LOC_MEL_DC',
      'RUNNER-43:LOC_MEL_STORE',
      'RUNNER-43:LOC_SYD_STORE',
    ]);
    expect(d.seeded).toEqual({ name: 'Available to sell', inventoryCatalogueRef: 'DEFAULT:1', productCatalogueRef: 'PC:MASTER:1' });
    expect(d.virtualPosition).toEqual({ ref: 'RUNNER-43:LOC_SYD_STORE', productRef: 'RUNNER-43', groupRef: 'LOC_SYD_STORE', quantity: 10, catalogue: VC });
    // The same ref in the seeded catalogue is another position: the seed's onHand, derived by the inventory workflow.
    expect(d.otherCatalogue).toEqual({ quantity: 38, catalogue: { ref: 'BASE:1' } });
  });

  it('virtualCatalogues and virtualPositions find by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      catalogues: virtualCatalogues(type: ["BASE"]) { edges { node { ref } } }
      cataloguesByName: virtualCatalogues(name: ["Test ATS"]) { edges { node { ref } } }
      cataloguesWrong: virtualCatalogues(ref: ["VC:TEST"], name: ["Available to sell"]) { edges { node { ref } } }
      byProduct: virtualPositions(catalogue: { ref: "VC:TEST" }, productRef: ["RUNNER-43"]) { edges { node { groupRef } } }
      byGroup: virtualPositions(catalogue: { ref: "VC:TEST" }, groupRef: ["LOC_MEL_DC"]) { edges { node { productRef } } }
      byQuantity: virtualPositions(catalogue: { ref: "VC:TEST" }, quantity: [10]) { edges { node { ref } } }
      wrong: virtualPositions(catalogue: { ref: "VC:TEST" }, productRef: ["TSHIRT-BLK-M"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.catalogues).sort()).toEqual(['BASE:1', 'VC:TEST']);
    expect(pluck(d.cataloguesByName)).toEqual(['VC:TEST']);
    expect(pluck(d.cataloguesWrong)).toEqual([]);
    expect(pluck(d.byProduct, 'groupRef').sort()).toEqual(['LOC_MEL_DC', 'LOC_MEL_STORE', 'LOC_SYD_STORE']);
    expect(pluck(d.byGroup, 'productRef').sort()).toEqual(['RUNNER-42', 'RUNNER-43']);
    expect(pluck(d.byQuantity)).toEqual(['RUNNER-43:LOC_SYD_STORE']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('searchVirtualInventory returns the locations whose positions cover the requested quantities', async () => {
    const d = await h.ok(`{
      five: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 5 }]) {
        edges { node { location { ref } virtualPositions { productRef quantity } } }
      }
      both: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 1 }, { productRef: "RUNNER-42", quantity: 1 }]) {
        edges { node { location { ref } } }
      }
      excluded: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 5 }], excludedLocationRefs: ["LOC_SYD_STORE"]) {
        edges { node { location { ref } } }
      }
      tooMany: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 11 }]) {
        edges { node { location { ref } } }
      }
    }`);
    const five = nodes(d.five).map((n) => ({
      location: n.location.ref,
      positions: n.virtualPositions.filter((p: { productRef: string }) => p.productRef === 'RUNNER-43'),
    }));
    expect(five.sort((a, b) => a.location.localeCompare(b.location))).toEqual([
      { location: 'LOC_MEL_DC', positions: [{ productRef: 'RUNNER-43', quantity: 7 }] },
      { location: 'LOC_SYD_STORE', positions: [{ productRef: 'RUNNER-43', quantity: 10 }] },
    ]);
    expect(nodes(d.both).map((n) => n.location.ref)).toEqual(['LOC_MEL_DC']);
    expect(nodes(d.excluded).map((n) => n.location.ref)).toEqual(['LOC_MEL_DC']);
    expect(nodes(d.tooMany)).toEqual([]);
  });

  it('searchVirtualInventory orders by proximity to a coordinate', async () => {
    const d = await h.ok(`{
      nearSydney: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 1 }], orderByProximity: { latitude: -33.87, longitude: 151.21 }) {
        edges { node { location { ref } } }
      }
      nearMelbourne: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 1 }], orderByProximity: { latitude: -37.81, longitude: 144.96 }, first: 2) {
        edges { node { location { ref } } }
      }
    }`);
    // Dandenong (LOC_MEL_DC) lies east of the Melbourne CBD store, so it is nearer Sydney.
    expect(nodes(d.nearSydney).map((n) => n.location.ref)).toEqual(['LOC_SYD_STORE', 'LOC_MEL_DC', 'LOC_MEL_STORE']);
    expect(nodes(d.nearMelbourne).map((n) => n.location.ref)).toEqual(['LOC_MEL_STORE', 'LOC_MEL_DC']);
  });

  it('updateVirtualCatalogue and updateVirtualPosition change fields', async () => {
    const d = await h.ok(`mutation {
      updateVirtualCatalogue(input: { ref: "VC:TEST", name: "Test ATS v2", status: "INACTIVE" }) { ref name status }
      updateVirtualPosition(input: { ref: "RUNNER-43:LOC_SYD_STORE", catalogue: { ref: "VC:TEST" }, quantity: 4 }) { ref quantity }
    }`);
    expect(d.updateVirtualCatalogue).toEqual({ ref: 'VC:TEST', name: 'Test ATS v2', status: 'INACTIVE' });
    expect(d.updateVirtualPosition).toEqual({ ref: 'RUNNER-43:LOC_SYD_STORE', quantity: 4 });
    const after = await h.ok(`{
      virtualCatalogue(ref: "VC:TEST") { name status }
      virtualPosition(ref: "RUNNER-43:LOC_SYD_STORE", catalogue: { ref: "VC:TEST" }) { quantity }
      five: searchVirtualInventory(virtualCatalogue: { ref: "VC:TEST" }, productQuantities: [{ productRef: "RUNNER-43", quantity: 5 }]) { edges { node { location { ref } } } }
    }`);
    expect(after.virtualCatalogue).toEqual({ name: 'Test ATS v2', status: 'INACTIVE' });
    expect(after.virtualPosition).toEqual({ quantity: 4 });
    expect(nodes(after.five).map((n) => n.location.ref)).toEqual(['LOC_MEL_DC']);
  });

  it('updateVirtualPositionsStatusByGroup sets the status of every position in the group', async () => {
    const { updateVirtualPositionsStatusByGroup: r } = await h.ok(`mutation {
      updateVirtualPositionsStatusByGroup(filter: { catalogue: { ref: "VC:TEST" }, groupRef: "LOC_MEL_DC" }, input: { status: "INACTIVE" }) { count }
    }`);
    expect(r).toEqual({ count: 2 });
    const d = await h.ok(`{
      inactive: virtualPositions(catalogue: { ref: "VC:TEST" }, status: ["INACTIVE"]) { edges { node { ref } } }
      mel: virtualPosition(ref: "RUNNER-43:LOC_MEL_STORE", catalogue: { ref: "VC:TEST" }) { status }
    }`);
    expect(pluck(d.inactive).sort()).toEqual(['RUNNER-42:LOC_MEL_DC', 'RUNNER-43:LOC_MEL_DC']);
    expect(d.mel.status).not.toBe('INACTIVE');
  });
});

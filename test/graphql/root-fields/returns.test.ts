/**
 * Returns: return orders with verifications and items, return order items, return fulfilments
 * and their items. Built on one order for the seeded customer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const JANE = 'jane.citizen@example.com';
const TAX = { country: 'AU', group: 'STANDARD', tariff: 'GST' };
const RETAILER = { id: RETAILER_ID };
const ORDER = { ref: 'HD-0300', retailer: RETAILER };
const RO = { ref: 'RO-0001', retailer: RETAILER };
const TSHIRT = { ref: 'TSHIRT-BLK-M', catalogue: { ref: 'PC:MASTER:1' } };
const RUNNER = { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } };

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  const pre = await h.ok(`{ customer(ref: "jane.citizen@example.com") { id } }`);
  await h.ok(`mutation ($input: CreateOrderInput) { createOrder(input: $input) { id } }`, {
    input: {
      ref: 'HD-0300',
      type: 'HD',
      retailer: RETAILER,
      customer: { id: pre.customer.id },
      items: [
        { ref: 'HD-0300-1', productRef: 'TSHIRT-BLK-M', productCatalogueRef: 'PC:MASTER:1', quantity: 1, price: 29.95 },
        { ref: 'HD-0300-2', productRef: 'RUNNER-42', productCatalogueRef: 'PC:MASTER:1', quantity: 1, price: 149 },
      ],
    },
  });
});

const money = (amount: number) => ({ amount });

describe('return orders', () => {
  it('createReturnOrder creates the return with verifications and items', async () => {
    const { createReturnOrder: r } = await h.ok(
      `mutation ($input: CreateReturnOrderInput) {
        createReturnOrder(input: $input) {
          id ref type status workflowRef workflowVersion createdOn returnAuthorisationKey returnAuthorisationKeyExpiry
          retailer { id } customer { ref } order { ref } lodgedLocation { ref } destinationLocation { ref } currency { alphabeticCode }
          returnAuthorisationDisposition { value label } pickupAddress { street city } defaultTaxType { tariff } totalAmount { amount }
          returnVerifications { edges { node { ref type verificationDetails returnOrder { ref } } } }
          returnOrderItems { edges { node { ref status product { ref } orderItem { ref } returnReason { value label } returnReasonComment returnCondition { value } unitQuantity { quantity } itemAmount { amount } returnOrder { ref } } } }
        }
      }`,
      {
        input: {
          ...RO,
          type: 'DEFAULT',
          customer: { ref: JANE },
          order: ORDER,
          returnAuthorisationKey: 'RA-123',
          returnAuthorisationDisposition: { value: 'REFUND', label: 'Refund' },
          returnAuthorisationKeyExpiry: '2026-02-15T00:00:00.000Z',
          pickupAddress: { name: 'Jane Citizen', street: '10 Smith St', city: 'Fitzroy', state: 'VIC', postcode: '3065', country: 'Australia' },
          lodgedLocation: { ref: 'LOC_MEL_STORE' },
          destinationLocation: { ref: 'LOC_MEL_DC' },
          returnVerifications: [{ ref: 'RV-0001', type: 'RECEIPT', verificationDetails: 'Receipt 123' }],
          returnOrderItems: [
            {
              ref: 'RO-0001-1',
              type: 'DEFAULT',
              product: TSHIRT,
              orderItem: { ref: 'HD-0300-1', order: ORDER },
              returnReason: { value: 'TOO_SMALL', label: 'Too small' },
              returnReasonComment: 'Runs small',
              returnCondition: { value: 'NEW', label: 'As new' },
              unitQuantity: { quantity: 1 },
              unitAmount: money(29.95),
              unitTaxType: TAX,
              itemTaxAmount: money(2.72),
              itemAmount: money(29.95),
            },
          ],
          currency: { alphabeticCode: 'AUD' },
          defaultTaxType: TAX,
          subTotalAmount: money(27.23),
          totalTax: money(2.72),
          totalAmount: money(29.95),
        },
      },
    );
    expect(r).toMatchObject({
      ref: 'RO-0001',
      type: 'DEFAULT',
      status: 'CREATED',
      workflowRef: 'RETURN_ORDER::DEFAULT',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      returnAuthorisationKey: 'RA-123',
      returnAuthorisationKeyExpiry: '2026-02-15T00:00:00.000Z',
    });
    expect(r.retailer).toEqual(RETAILER);
    expect(r.customer).toEqual({ ref: JANE });
    expect(r.order).toEqual({ ref: 'HD-0300' });
    expect(r.lodgedLocation).toEqual({ ref: 'LOC_MEL_STORE' });
    expect(r.destinationLocation).toEqual({ ref: 'LOC_MEL_DC' });
    expect(r.currency).toEqual({ alphabeticCode: 'AUD' });
    expect(r.returnAuthorisationDisposition).toEqual({ value: 'REFUND', label: 'Refund' });
    expect(r.pickupAddress).toEqual({ street: '10 Smith St', city: 'Fitzroy' });
    expect(r.defaultTaxType).toEqual({ tariff: 'GST' });
    expect(r.totalAmount).toEqual({ amount: 29.95 });
    expect(nodes(r.returnVerifications)).toEqual([{ ref: 'RV-0001', type: 'RECEIPT', verificationDetails: 'Receipt 123', returnOrder: { ref: 'RO-0001' } }]);
    expect(nodes(r.returnOrderItems)).toEqual([
      {
        ref: 'RO-0001-1',
        status: 'CREATED',
        product: { ref: 'TSHIRT-BLK-M' },
        orderItem: { ref: 'HD-0300-1' },
        returnReason: { value: 'TOO_SMALL', label: 'Too small' },
        returnReasonComment: 'Runs small',
        returnCondition: { value: 'NEW' },
        unitQuantity: { quantity: 1 },
        itemAmount: { amount: 29.95 },
        returnOrder: { ref: 'RO-0001' },
      },
    ]);
  });

  it('createReturnOrder for an unknown order fails with C0120E', async () => {
    const errors = await h.fail(`mutation {
      createReturnOrder(input: { ref: "RO-BAD", retailer: { id: "1" }, type: "DEFAULT", customer: { ref: "jane.citizen@example.com" }, order: { ref: "NO-SUCH-ORDER", retailer: { id: "1" } },
        returnOrderItems: [], currency: { alphabeticCode: "AUD" }, defaultTaxType: { country: "AU", group: "STANDARD", tariff: "GST" }, subTotalAmount: { amount: 0 }, totalTax: { amount: 0 }, totalAmount: { amount: 0 } }) { id }
    }`);
    expect(errors[0]!.message).toContain('C0120E');
  });

  it('createReturnOrderItem adds an item to the return', async () => {
    const { createReturnOrderItem: i } = await h.ok(
      `mutation ($input: CreateReturnOrderItemInput) {
        createReturnOrderItem(input: $input) { id ref status createdOn product { ref } orderItem { ref } returnReasonComment returnOrder { ref } }
      }`,
      {
        input: {
          ref: 'RO-0001-2',
          returnOrder: RO,
          status: 'CREATED',
          type: 'DEFAULT',
          product: RUNNER,
          orderItem: { ref: 'HD-0300-2', order: ORDER },
          returnReason: { value: 'CHANGED_MIND' },
          returnReasonComment: 'Changed my mind',
          unitQuantity: { quantity: 1 },
          unitAmount: money(149),
          itemTaxAmount: money(13.55),
          itemAmount: money(149),
        },
      },
    );
    expect(i).toMatchObject({
      ref: 'RO-0001-2',
      status: 'CREATED',
      createdOn: NOW,
      product: { ref: 'RUNNER-42' },
      orderItem: { ref: 'HD-0300-2' },
      returnReasonComment: 'Changed my mind',
      returnOrder: { ref: 'RO-0001' },
    });
  });

  it('returnOrder(ref, retailer) and returnOrderItem(ref, returnOrder) return them', async () => {
    const d = await h.ok(`{
      returnOrder(ref: "RO-0001", retailer: { id: "1" }) { ref returnAuthorisationKey returnOrderItems { edges { node { ref } } } }
      otherRetailer: returnOrder(ref: "RO-0001", retailer: { id: "99" }) { ref }
      returnOrderItem(ref: "RO-0001-2", returnOrder: { ref: "RO-0001", retailer: { id: "1" } }) { ref returnReason { value } returnOrder { ref } }
    }`);
    expect(d.returnOrder.returnAuthorisationKey).toBe('RA-123');
    expect(pluck(d.returnOrder.returnOrderItems).sort()).toEqual(['RO-0001-1', 'RO-0001-2']);
    expect(d.otherRetailer).toBeNull();
    expect(d.returnOrderItem).toEqual({ ref: 'RO-0001-2', returnReason: { value: 'CHANGED_MIND' }, returnOrder: { ref: 'RO-0001' } });
  });

  it('returnOrders finds by customer, order, locations and retailer and not by non-matching filters', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byCustomer: returnOrders(customer: { ref: "jane.citizen@example.com" }) { edges { node { ref } } }
      byOrder: returnOrders(order: { ref: "HD-0300", retailer: { id: "1" } }, retailerId: [1]) { edges { node { ref } } }
      byLocations: returnOrders(lodgedLocation: { ref: "LOC_MEL_STORE" }, destinationLocation: { ref: "LOC_MEL_DC" }, createdOn: $now) { edges { node { ref } } }
      byKey: returnOrders(returnAuthorisationKey: ["RA-123"], currency: { alphabeticCode: "AUD" }) { edges { node { ref } } }
      wrongLocation: returnOrders(lodgedLocation: { ref: "LOC_SYD_STORE" }) { edges { node { ref } } }
      wrongRetailer: returnOrders(retailerId: [99]) { edges { node { ref } } }
      wrongDate: returnOrders(createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    for (const key of ['byCustomer', 'byOrder', 'byLocations', 'byKey']) expect(pluck(d[key]), key).toEqual(['RO-0001']);
    for (const key of ['wrongLocation', 'wrongRetailer', 'wrongDate']) expect(pluck(d[key]), key).toEqual([]);
  });

  it('returnOrderItems and returnVerifications find by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byProduct: returnOrderItems(product: { ref: "RUNNER-42", catalogue: { ref: "PC:MASTER:1" } }) { edges { node { ref } } }
      byComment: returnOrderItems(returnReasonComment: ["Runs small"]) { edges { node { ref } } }
      byOrderItem: returnOrderItems(orderItem: { ref: "HD-0300-1", order: { ref: "HD-0300", retailer: { id: "1" } } }) { edges { node { ref } } }
      itemsWrong: returnOrderItems(ref: ["RO-0001-1"], returnReasonComment: ["Changed my mind"]) { edges { node { ref } } }
      verifications: returnVerifications(type: ["RECEIPT"]) { edges { node { ref verificationDetails returnOrder { ref } } } }
      verificationsWrong: returnVerifications(type: ["PHOTO"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byProduct)).toEqual(['RO-0001-2']);
    expect(pluck(d.byComment)).toEqual(['RO-0001-1']);
    expect(pluck(d.byOrderItem)).toEqual(['RO-0001-1']);
    expect(pluck(d.itemsWrong)).toEqual([]);
    expect(nodes(d.verifications)).toEqual([{ ref: 'RV-0001', verificationDetails: 'Receipt 123', returnOrder: { ref: 'RO-0001' } }]);
    expect(pluck(d.verificationsWrong)).toEqual([]);
  });

  it('updateReturnOrder (keyed by ref + retailer) changes status and (nested, by ref) an item and a verification', async () => {
    const { updateReturnOrder: u } = await h.ok(`mutation {
      updateReturnOrder(input: { ref: "RO-0001", retailer: { id: "1" }, status: "RECEIVED", returnAuthorisationKey: "RA-124",
        returnOrderItems: [{ ref: "RO-0001-1", status: "RECEIVED", returnConditionComment: "Tags attached" }],
        returnVerifications: [{ ref: "RV-0001", verificationDetails: "Receipt 123 (checked)" }] }) {
        ref status returnAuthorisationKey returnOrderItems { edges { node { ref status returnConditionComment } } } returnVerifications { edges { node { verificationDetails } } }
      }
    }`);
    expect(u).toMatchObject({ ref: 'RO-0001', status: 'RECEIVED', returnAuthorisationKey: 'RA-124' });
    expect(nodes(u.returnOrderItems).find((i) => i.ref === 'RO-0001-1')).toEqual({
      ref: 'RO-0001-1',
      status: 'RECEIVED',
      returnConditionComment: 'Tags attached',
    });
    expect(nodes(u.returnVerifications)).toEqual([{ verificationDetails: 'Receipt 123 (checked)' }]);
    const d = await h.ok(`{ returnOrders(status: ["RECEIVED"]) { edges { node { ref } } } returnOrderItems(status: ["RECEIVED"]) { edges { node { ref } } } }`);
    expect(pluck(d.returnOrders)).toEqual(['RO-0001']);
    expect(pluck(d.returnOrderItems)).toEqual(['RO-0001-1']);
  });
});

describe('return fulfilments', () => {
  it('createReturnFulfilment creates a return fulfilment with items', async () => {
    const { createReturnFulfilment: f } = await h.ok(
      `mutation ($input: CreateReturnFulfilmentInput) {
        createReturnFulfilment(input: $input) {
          id ref type status workflowRef workflowVersion createdOn returnOrder { ref } lodgedLocation { ref } destinationLocation { ref } pickupAddress { city }
          returnFulfilmentItems { edges { node { ref unitQuantity { quantity } product { ref } returnOrderItem { ref } returnOrderFulfilment { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'RF-0001',
          returnOrder: RO,
          type: 'DEFAULT',
          lodgedLocation: { ref: 'LOC_MEL_STORE' },
          destinationLocation: { ref: 'LOC_MEL_DC' },
          pickupAddress: { city: 'Fitzroy', street: '10 Smith St' },
          attributes: [{ name: 'courier', type: 'STRING', value: 'AUSPOST' }],
          returnFulfilmentItems: [{ ref: 'RF-0001-1', returnOrderItem: { ref: 'RO-0001-1', returnOrder: RO }, unitQuantity: { quantity: 1 }, product: TSHIRT }],
        },
      },
    );
    expect(f).toMatchObject({
      ref: 'RF-0001',
      type: 'DEFAULT',
      status: 'CREATED',
      workflowRef: 'RETURN_FULFILMENT::DEFAULT',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      returnOrder: { ref: 'RO-0001' },
      lodgedLocation: { ref: 'LOC_MEL_STORE' },
      destinationLocation: { ref: 'LOC_MEL_DC' },
      pickupAddress: { city: 'Fitzroy' },
    });
    expect(nodes(f.returnFulfilmentItems)).toEqual([
      {
        ref: 'RF-0001-1',
        unitQuantity: { quantity: 1 },
        product: { ref: 'TSHIRT-BLK-M' },
        returnOrderItem: { ref: 'RO-0001-1' },
        returnOrderFulfilment: { ref: 'RF-0001' },
      },
    ]);
  });

  it('createReturnFulfilmentItem adds an item to the return fulfilment', async () => {
    const { createReturnFulfilmentItem: i } = await h.ok(
      `mutation ($input: CreateReturnFulfilmentItemInput) {
        createReturnFulfilmentItem(input: $input) { ref createdOn unitQuantity { quantity } product { ref } returnOrderItem { ref } returnOrderFulfilment { ref } }
      }`,
      {
        input: {
          ref: 'RF-0001-2',
          returnOrderFulfilment: { ref: 'RF-0001', returnOrder: RO },
          returnOrderItem: { ref: 'RO-0001-2', returnOrder: RO },
          unitQuantity: { quantity: 1 },
          product: RUNNER,
        },
      },
    );
    expect(i).toEqual({
      ref: 'RF-0001-2',
      createdOn: NOW,
      unitQuantity: { quantity: 1 },
      product: { ref: 'RUNNER-42' },
      returnOrderItem: { ref: 'RO-0001-2' },
      returnOrderFulfilment: { ref: 'RF-0001' },
    });
  });

  it('returnFulfilment(ref, returnOrder) returns it; the return order lists the fulfilment', async () => {
    const d = await h.ok(`{
      returnFulfilment(ref: "RF-0001", returnOrder: { ref: "RO-0001", retailer: { id: "1" } }) { ref returnFulfilmentItems { edges { node { ref } } } }
      returnOrder(ref: "RO-0001", retailer: { id: "1" }) { returnOrderFulfilments { edges { node { ref } } } }
      missing: returnFulfilment(ref: "NOPE", returnOrder: { ref: "RO-0001", retailer: { id: "1" } }) { ref }
    }`);
    expect(pluck(d.returnFulfilment.returnFulfilmentItems).sort()).toEqual(['RF-0001-1', 'RF-0001-2']);
    // RO-0001-RF1: created by the RETURN_ORDER::DEFAULT workflow (base.CreateReturnFulfilment on the return order's CREATE).
    expect(pluck(d.returnOrder.returnOrderFulfilments).sort()).toEqual(['RF-0001', 'RO-0001-RF1']);
    expect(d.missing).toBeNull();
  });

  it("returnFulfilmentItem(ref, returnFulfilment) returns it (the key names the item's returnOrderFulfilment)", async () => {
    const d = await h.ok(`{
      returnFulfilmentItem(ref: "RF-0001-2", returnFulfilment: { ref: "RF-0001", returnOrder: { ref: "RO-0001", retailer: { id: "1" } } }) { ref product { ref } }
      otherFulfilment: returnFulfilmentItem(ref: "RF-0001-2", returnFulfilment: { ref: "RF-NOPE", returnOrder: { ref: "RO-0001", retailer: { id: "1" } } }) { ref }
    }`);
    expect(d.returnFulfilmentItem).toEqual({ ref: 'RF-0001-2', product: { ref: 'RUNNER-42' } });
    expect(d.otherFulfilment).toBeNull();
  });

  it('returnFulfilments and returnFulfilmentItems find by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byDestination: returnFulfilments(destinationLocation: { ref: "LOC_MEL_DC" }, type: ["DEFAULT"]) { edges { node { ref } } }
      byWorkflow: returnFulfilments(workflow: { ref: "RETURN_FULFILMENT::DEFAULT", version: 1 }) { edges { node { ref } } }
      wrong: returnFulfilments(destinationLocation: { ref: "LOC_SYD_STORE" }) { edges { node { ref } } }
      itemsByProduct: returnFulfilmentItems(product: { ref: "TSHIRT-BLK-M", catalogue: { ref: "PC:MASTER:1" } }) { edges { node { ref } } }
      itemsWrong: returnFulfilmentItems(ref: ["RF-0001-1"], product: { ref: "RUNNER-42", catalogue: { ref: "PC:MASTER:1" } }) { edges { node { ref } } }
    }`);
    // RO-0001-RF1: the return fulfilment the RETURN_ORDER::DEFAULT workflow created, to the same destination.
    expect(pluck(d.byDestination).sort()).toEqual(['RF-0001', 'RO-0001-RF1']);
    expect(pluck(d.byWorkflow).sort()).toEqual(['RF-0001', 'RO-0001-RF1']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.itemsByProduct).sort()).toEqual(['RF-0001-1', 'RO-0001-RF1-1']);
    expect(pluck(d.itemsWrong)).toEqual([]);
  });

  it('updateReturnFulfilment (keyed by ref + returnOrder) changes status and (nested, by ref) an item', async () => {
    const { updateReturnFulfilment: u } = await h.ok(`mutation {
      updateReturnFulfilment(input: { ref: "RF-0001", returnOrder: { ref: "RO-0001", retailer: { id: "1" } }, status: "RECEIVED",
        returnFulfilmentItems: [{ ref: "RF-0001-1", unitQuantity: { quantity: 1, unit: "EA" } }] }) {
        ref status returnFulfilmentItems { edges { node { ref unitQuantity { quantity unit } } } }
      }
    }`);
    expect(u).toMatchObject({ ref: 'RF-0001', status: 'RECEIVED' });
    expect(nodes(u.returnFulfilmentItems).find((i) => i.ref === 'RF-0001-1')).toEqual({ ref: 'RF-0001-1', unitQuantity: { quantity: 1, unit: 'EA' } });
    const d = await h.ok(`{ returnFulfilments(status: ["RECEIVED"]) { edges { node { ref } } } }`);
    expect(pluck(d.returnFulfilments)).toEqual(['RF-0001']);
  });
});

/**
 * Orders & fulfilment: orders with items, billing address, fulfilment choices and financial
 * transactions; order items; fulfilment choices; fulfilments with items; createOrderAndCustomer.
 * Built on the seeded customer, retailer, products and locations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const JANE = 'jane.citizen@example.com';

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const d = await h.ok(`{
    customer(ref: "jane.citizen@example.com") { id }
    store: location(ref: "LOC_MEL_STORE") { primaryAddress { id } }
  }`);
  ids['jane'] = d.customer.id;
  ids['storeAddress'] = d.store.primaryAddress.id;
});

const ORDER_INPUT = () => ({
  ref: 'HD-0001',
  type: 'HD',
  retailer: { id: RETAILER_ID },
  customer: { id: ids['jane'] },
  totalPrice: 218.9,
  totalTaxPrice: 19.9,
  attributes: [{ name: 'channel', type: 'STRING', value: 'web' }],
  billingAddress: { name: 'Jane Citizen', street: '1 Collins St', city: 'Melbourne', state: 'VIC', postcode: '3000', country: 'Australia', email: JANE },
  fulfilmentChoice: {
    ref: 'HD-0001-FC',
    type: 'HD',
    deliveryType: 'STANDARD',
    fulfilmentType: 'HD_PFDC',
    currency: 'AUD',
    fulfilmentPrice: 10,
    fulfilmentTaxPrice: 0.91,
    deliveryFirstName: 'Jane',
    deliveryLastName: 'Citizen',
    deliveryEmail: JANE,
    deliveryInstruction: 'Leave at the door',
    deliveryAddress: {
      ref: 'HD-0001-ADDR',
      name: 'Jane Citizen',
      street: '10 Smith St',
      city: 'Fitzroy',
      state: 'VIC',
      postcode: '3065',
      country: 'Australia',
      latitude: -37.8,
      longitude: 144.98,
    },
  },
  items: [
    {
      ref: 'HD-0001-1',
      productRef: 'TSHIRT-BLK-M',
      productCatalogueRef: 'PC:MASTER:1',
      fulfilmentChoiceRef: 'HD-0001-FC',
      quantity: 2,
      price: 29.95,
      paidPrice: 29.95,
      currency: 'AUD',
      taxType: 'GST',
      totalPrice: 59.9,
      totalTaxPrice: 5.45,
    },
    {
      ref: 'HD-0001-2',
      productRef: 'RUNNER-42',
      productCatalogueRef: 'PC:MASTER:1',
      quantity: 1,
      price: 149,
      paidPrice: 149,
      currency: 'AUD',
      totalPrice: 149,
    },
  ],
  financialTransactions: [
    {
      ref: 'HD-0001-FT',
      type: 'PAYMENT',
      amount: 218.9,
      currency: 'AUD',
      paymentMethod: 'VISA',
      cardType: 'CREDIT',
      paymentProvider: 'STRIPE',
      externalTransactionId: 'ch_0001',
    },
  ],
});

describe('orders', () => {
  it('createOrder creates the order with its items, billing address, fulfilment choice and financial transaction', async () => {
    const { createOrder: o } = await h.ok(
      `mutation ($input: CreateOrderInput) {
        createOrder(input: $input) {
          id ref type status workflowRef workflowVersion createdOn totalPrice totalTaxPrice attributes { name value }
          retailer { id } customer { id username firstName } customerLink { ref }
          billingAddress { name street city postcode email }
          fulfilmentChoice { ref type deliveryType fulfilmentType currency fulfilmentPrice deliveryInstruction deliveryAddress { __typename ref city postcode } }
          items { edges { node { ref status quantity price paidPrice currency totalPrice product { __typename ref } order { ref } } } }
          financialTransactions { edges { node { ref type status currency paymentMethod cardType externalTransactionId } } }
        }
      }`,
      { input: ORDER_INPUT() },
    );
    expect(o).toMatchObject({
      ref: 'HD-0001',
      type: 'HD',
      status: 'CREATED',
      workflowRef: 'ORDER::HD',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      totalPrice: 218.9,
      totalTaxPrice: 19.9,
      retailer: { id: RETAILER_ID },
    });
    expect(o.attributes).toEqual([{ name: 'channel', value: 'web' }]);
    expect(o.customer).toEqual({ id: ids['jane'], username: JANE, firstName: 'Jane' });
    expect(o.customerLink).toEqual({ ref: JANE });
    expect(o.billingAddress).toEqual({ name: 'Jane Citizen', street: '1 Collins St', city: 'Melbourne', postcode: '3000', email: JANE });
    expect(o.fulfilmentChoice).toEqual({
      ref: 'HD-0001-FC',
      type: 'HD',
      deliveryType: 'STANDARD',
      fulfilmentType: 'HD_PFDC',
      currency: 'AUD',
      fulfilmentPrice: 10,
      deliveryInstruction: 'Leave at the door',
      deliveryAddress: { __typename: 'CustomerAddress', ref: 'HD-0001-ADDR', city: 'Fitzroy', postcode: '3065' },
    });
    expect(nodes(o.items).sort((a, b) => a.ref.localeCompare(b.ref))).toEqual([
      {
        ref: 'HD-0001-1',
        status: 'CREATED',
        quantity: 2,
        price: 29.95,
        paidPrice: 29.95,
        currency: 'AUD',
        totalPrice: 59.9,
        product: { __typename: 'VariantProduct', ref: 'TSHIRT-BLK-M' },
        order: { ref: 'HD-0001' },
      },
      {
        ref: 'HD-0001-2',
        status: 'CREATED',
        quantity: 1,
        price: 149,
        paidPrice: 149,
        currency: 'AUD',
        totalPrice: 149,
        product: { __typename: 'VariantProduct', ref: 'RUNNER-42' },
        order: { ref: 'HD-0001' },
      },
    ]);
    expect(nodes(o.financialTransactions)).toEqual([
      { ref: 'HD-0001-FT', type: 'PAYMENT', status: 'CREATED', currency: 'AUD', paymentMethod: 'VISA', cardType: 'CREDIT', externalTransactionId: 'ch_0001' },
    ]);
    ids['order'] = o.id;
  });

  it("createOrder stores a financial transaction's amount as total and paymentProvider as paymentProviderName", async () => {
    const { order } = await h.ok(`{ order(ref: "HD-0001") { financialTransactions { edges { node { ref total paymentProviderName } } } } }`);
    expect(nodes(order.financialTransactions)).toEqual([{ ref: 'HD-0001-FT', total: 218.9, paymentProviderName: 'STRIPE' }]);
  });

  it('createOrder links an item to the fulfilment choice named by fulfilmentChoiceRef', async () => {
    const { order } = await h.ok(
      `{ order(ref: "HD-0001") { items { edges { node { ref fulfilmentChoice { ref } } } } fulfilmentChoice { items { edges { node { ref } } } } } }`,
    );
    const byRef = Object.fromEntries(nodes(order.items).map((i) => [i.ref, i.fulfilmentChoice]));
    expect(byRef['HD-0001-1']).toEqual({ ref: 'HD-0001-FC' });
    expect(byRef['HD-0001-2']).toBeNull();
    expect(pluck(order.fulfilmentChoice.items)).toEqual(['HD-0001-1']);
  });

  it('createOrder with an unknown product fails with C0120E and creates nothing', async () => {
    const input = {
      ...ORDER_INPUT(),
      ref: 'HD-BAD',
      fulfilmentChoice: undefined,
      financialTransactions: undefined,
      items: [{ ref: 'HD-BAD-1', productRef: 'NO-SUCH-SKU', productCatalogueRef: 'PC:MASTER:1', quantity: 1 }],
    };
    const errors = await h.fail(`mutation ($input: CreateOrderInput) { createOrder(input: $input) { id } }`, { input });
    expect(errors[0]!.message).toContain('C0120E');
    const { order } = await h.ok(`{ order(ref: "HD-BAD") { id } }`);
    expect(order).toBeNull();
  });

  it('createOrder with a duplicate ref fails with C0121E', async () => {
    const errors = await h.fail(`mutation ($input: CreateOrderInput) { createOrder(input: $input) { id } }`, {
      input: { ...ORDER_INPUT(), fulfilmentChoice: undefined, financialTransactions: undefined },
    });
    expect(errors[0]!.message).toContain('C0121E');
  });

  it('orderById and order(id|ref) return it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      orderById(id: $id) { id ref type workflowRef totalPrice customer { username } }
      byRef: order(ref: "HD-0001") { id items { edges { node { ref } } } }
      byId: order(id: $id) { ref }
      missing: order(ref: "NOPE") { id }
    }`,
      { id: ids['order'] },
    );
    expect(d.orderById).toEqual({ id: ids['order'], ref: 'HD-0001', type: 'HD', workflowRef: 'ORDER::HD', totalPrice: 218.9, customer: { username: JANE } });
    expect(d.byRef.id).toBe(ids['order']);
    expect(pluck(d.byRef.items).sort()).toEqual(['HD-0001-1', 'HD-0001-2']);
    expect(d.byId).toEqual({ ref: 'HD-0001' });
    expect(d.missing).toBeNull();
  });

  it('orders finds it by ref, type, status, customer, retailer and date, and not by non-matching filters', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byRef: orders(ref: ["HD-0001"]) { edges { node { ref } } }
      byType: orders(type: ["HD"], ref: ["HD-0001", "CC-0001"]) { edges { node { ref } } }
      byCustomer: orders(customerLink: { ref: "jane.citizen@example.com" }) { edges { node { ref } } }
      byRetailer: orders(retailerId: [1], createdOn: $now) { edges { node { ref } } }
      byPrice: orders(totalPrice: [218.9]) { edges { node { ref } } }
      wrongType: orders(ref: ["HD-0001"], type: ["CC"]) { edges { node { ref } } }
      wrongCustomer: orders(customerLink: { ref: "someone.else@example.com" }) { edges { node { ref } } }
      wrongRetailer: orders(retailerId: [99]) { edges { node { ref } } }
      wrongDate: orders(createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    for (const key of ['byRef', 'byType', 'byCustomer', 'byRetailer', 'byPrice']) expect(pluck(d[key]), key).toEqual(['HD-0001']);
    for (const key of ['wrongType', 'wrongCustomer', 'wrongRetailer', 'wrongDate']) expect(pluck(d[key]), key).toEqual([]);
  });

  it('updateOrder changes status, totals, attributes and (nested) an item', async () => {
    const { order } = await h.ok(`{ order(ref: "HD-0001") { items { edges { node { id ref } } } } }`);
    const item = nodes(order.items).find((i) => i.ref === 'HD-0001-2');
    const { updateOrder: u } = await h.ok(
      `mutation ($id: ID!, $item: ID!) {
      updateOrder(input: { id: $id, status: "ON_HOLD", totalPrice: 248.85, attributes: [{ name: "channel", type: "STRING", value: "app" }],
        items: [{ id: $item, quantity: 2, totalPrice: 298, status: "ON_HOLD" }] }) {
        ref status totalPrice attributes { name value } items { edges { node { ref quantity totalPrice status } } }
      }
    }`,
      { id: ids['order'], item: item.id },
    );
    expect(u).toMatchObject({ ref: 'HD-0001', status: 'ON_HOLD', totalPrice: 248.85, attributes: [{ name: 'channel', value: 'app' }] });
    expect(nodes(u.items).find((i) => i.ref === 'HD-0001-2')).toEqual({ ref: 'HD-0001-2', quantity: 2, totalPrice: 298, status: 'ON_HOLD' });
    const d = await h.ok(
      `{ onHold: orders(status: ["ON_HOLD"]) { edges { node { ref totalPrice } } } created: orders(status: ["CREATED"], ref: ["HD-0001"]) { edges { node { ref } } } }`,
    );
    expect(nodes(d.onHold)).toEqual([{ ref: 'HD-0001', totalPrice: 248.85 }]);
    expect(pluck(d.created)).toEqual([]);
  });

  it('updateOrder changes the billing address (nested, by id)', async () => {
    const { order } = await h.ok(`{ order(ref: "HD-0001") { billingAddress { id } } }`);
    const { updateOrder: u } = await h.ok(
      `mutation ($id: ID!, $addr: ID!) {
      updateOrder(input: { id: $id, billingAddress: { id: $addr, street: "2 Collins St" } }) { billingAddress { street city } }
    }`,
      { id: ids['order'], addr: order.billingAddress.id },
    );
    expect(u.billingAddress).toEqual({ street: '2 Collins St', city: 'Melbourne' });
  });

  it('orderBillingAddresses finds the billing address and not by a non-matching filter', async () => {
    const d = await h.ok(`{
      byCity: orderBillingAddresses(city: ["Melbourne"], email: ["jane.citizen@example.com"]) { edges { node { name city postcode } } }
      wrong: orderBillingAddresses(city: ["Sydney"]) { edges { node { name } } }
    }`);
    expect(nodes(d.byCity)).toEqual([{ name: 'Jane Citizen', city: 'Melbourne', postcode: '3000' }]);
    expect(nodes(d.wrong)).toEqual([]);
  });

  it('createOrderAndCustomer creates the customer along with the order', async () => {
    const { createOrderAndCustomer: o } = await h.ok(
      `mutation ($input: CreateOrderAndCustomerInput) {
        createOrderAndCustomer(input: $input) {
          ref type status workflowRef customer { username firstName lastName primaryEmail retailer { id } }
          fulfilmentChoices { edges { node { ref deliveryType pickupLocationRef } } }
          items { edges { node { ref quantity product { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'CC-0001',
          type: 'CC',
          retailer: { id: RETAILER_ID },
          customer: {
            username: 'sam.buyer@example.com',
            firstName: 'Sam',
            lastName: 'Buyer',
            primaryEmail: 'sam.buyer@example.com',
            timezone: 'Australia/Sydney',
            promotionOptIn: true,
            retailer: { id: RETAILER_ID },
          },
          fulfilmentChoices: [{ ref: 'CC-0001-FC', type: 'CC', deliveryType: 'STANDARD', fulfilmentType: 'CC_PFS', pickupLocationRef: 'LOC_SYD_STORE' }],
          items: [{ ref: 'CC-0001-1', productRef: 'HOODIE-GRY-M', productCatalogueRef: 'PC:MASTER:1', quantity: 1, price: 79, currency: 'AUD' }],
        },
      },
    );
    expect(o).toMatchObject({ ref: 'CC-0001', type: 'CC', status: 'CREATED', workflowRef: 'ORDER::CC' });
    expect(o.customer).toEqual({
      username: 'sam.buyer@example.com',
      firstName: 'Sam',
      lastName: 'Buyer',
      primaryEmail: 'sam.buyer@example.com',
      retailer: { id: RETAILER_ID },
    });
    expect(nodes(o.fulfilmentChoices)).toEqual([{ ref: 'CC-0001-FC', deliveryType: 'STANDARD', pickupLocationRef: 'LOC_SYD_STORE' }]);
    expect(nodes(o.items)).toEqual([{ ref: 'CC-0001-1', quantity: 1, product: { ref: 'HOODIE-GRY-M' } }]);
    const d = await h.ok(
      `{ customer(ref: "sam.buyer@example.com") { username timezone promotionOptIn } orders(customerLink: { ref: "sam.buyer@example.com" }) { edges { node { ref } } } }`,
    );
    expect(d.customer).toEqual({ username: 'sam.buyer@example.com', timezone: 'Australia/Sydney', promotionOptIn: true });
    expect(pluck(d.orders)).toEqual(['CC-0001']);
  });
});

describe('order items', () => {
  it('createOrderItem adds an item to an existing order', async () => {
    const { createOrderItem: i } = await h.ok(`mutation {
      createOrderItem(input: { ref: "HD-0001-3", productRef: "HOODIE-GRY-M", productCatalogueRef: "PC:MASTER:1", quantity: 1, price: 79, paidPrice: 70, currency: "AUD", taxType: "GST", totalPrice: 70, order: { ref: "HD-0001" } }) {
        id ref status quantity price paidPrice taxType createdOn product { ref name } order { ref }
      }
    }`);
    expect(i).toMatchObject({
      ref: 'HD-0001-3',
      status: 'CREATED',
      quantity: 1,
      price: 79,
      paidPrice: 70,
      taxType: 'GST',
      createdOn: NOW,
      product: { ref: 'HOODIE-GRY-M', name: 'Fleece Hoodie Grey M' },
      order: { ref: 'HD-0001' },
    });
    ids['item3'] = i.id;
    const { order } = await h.ok(`{ order(ref: "HD-0001") { items { edges { node { ref } } } } }`);
    expect(pluck(order.items).sort()).toEqual(['HD-0001-1', 'HD-0001-2', 'HD-0001-3']);
  });

  it('orderItemById returns it', async () => {
    const { orderItemById } = await h.ok(`query ($id: ID!) { orderItemById(id: $id) { id ref paidPrice product { ref } order { ref } } }`, {
      id: ids['item3'],
    });
    expect(orderItemById).toEqual({ id: ids['item3'], ref: 'HD-0001-3', paidPrice: 70, product: { ref: 'HOODIE-GRY-M' }, order: { ref: 'HD-0001' } });
  });

  it('orderItems finds items by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byRef: orderItems(ref: ["HD-0001-3"]) { edges { node { ref quantity } } }
      byPrice: orderItems(paidPrice: [70, 29.95]) { edges { node { ref } } }
      byCurrency: orderItems(currency: ["AUD"], first: 50) { edges { node { ref } } }
      wrong: orderItems(ref: ["HD-0001-3"], quantity: [5]) { edges { node { ref } } }
    }`);
    expect(nodes(d.byRef)).toEqual([{ ref: 'HD-0001-3', quantity: 1 }]);
    expect(pluck(d.byPrice).sort()).toEqual(['HD-0001-1', 'HD-0001-3']);
    expect(pluck(d.byCurrency).sort()).toEqual(['CC-0001-1', 'HD-0001-1', 'HD-0001-2', 'HD-0001-3']);
    expect(pluck(d.wrong)).toEqual([]);
  });
});

describe('fulfilment choices', () => {
  it('createFulfilmentChoice adds a choice to an order', async () => {
    const { createFulfilmentChoice: c } = await h.ok(
      `mutation ($order: ID!) {
      createFulfilmentChoice(input: { order: { id: $order }, ref: "HD-0001-FC2", type: "HD", deliveryType: "EXPRESS", fulfilmentType: "HD_PFS", currency: "AUD", fulfilmentPrice: 15,
        deliverAfter: "2026-01-16T00:00:00.000Z", deliverBefore: "2026-01-17T00:00:00.000Z",
        deliveryAddress: { ref: "HD-0001-ADDR2", name: "Jane at work", street: "5 Spencer St", city: "Docklands", state: "VIC", postcode: "3008", country: "Australia" } }) {
        id ref type status deliveryType fulfilmentType fulfilmentPrice deliverAfter deliverBefore createdOn deliveryAddress { ref city }
      }
    }`,
      { order: ids['order'] },
    );
    expect(c).toMatchObject({
      ref: 'HD-0001-FC2',
      type: 'HD',
      status: 'CREATED',
      deliveryType: 'EXPRESS',
      fulfilmentType: 'HD_PFS',
      fulfilmentPrice: 15,
      deliverAfter: '2026-01-16T00:00:00.000Z',
      deliverBefore: '2026-01-17T00:00:00.000Z',
      createdOn: NOW,
      deliveryAddress: { ref: 'HD-0001-ADDR2', city: 'Docklands' },
    });
    ids['fc2'] = c.id;
  });

  it('a fulfilment choice has its non-null workflowRef / workflowVersion', async () => {
    const { fulfilmentChoice } = await h.ok(`{ fulfilmentChoice(ref: "HD-0001-FC2") { workflowRef workflowVersion } }`);
    expect(fulfilmentChoice.workflowRef).toMatch(/^[A-Z_]+::HD$/);
    expect(Number.isInteger(fulfilmentChoice.workflowVersion)).toBe(true);
  });

  it('fulfilmentChoiceById and fulfilmentChoice(id|ref) return it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      fulfilmentChoiceById(id: $id) { id ref deliveryType }
      byRef: fulfilmentChoice(ref: "HD-0001-FC2") { id fulfilmentPrice }
      byId: fulfilmentChoice(id: $id) { ref }
      seededByOrder: fulfilmentChoice(ref: "HD-0001-FC") { deliveryInstruction }
    }`,
      { id: ids['fc2'] },
    );
    expect(d.fulfilmentChoiceById).toEqual({ id: ids['fc2'], ref: 'HD-0001-FC2', deliveryType: 'EXPRESS' });
    expect(d.byRef).toEqual({ id: ids['fc2'], fulfilmentPrice: 15 });
    expect(d.byId).toEqual({ ref: 'HD-0001-FC2' });
    expect(d.seededByOrder).toEqual({ deliveryInstruction: 'Leave at the door' });
  });

  it('fulfilmentChoices finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($window: DateRange) {
      express: fulfilmentChoices(deliveryType: ["EXPRESS"]) { edges { node { ref } } }
      pickup: fulfilmentChoices(pickupLocationRef: ["LOC_SYD_STORE"]) { edges { node { ref } } }
      byDeliverAfter: fulfilmentChoices(deliverAfter: $window) { edges { node { ref } } }
      all: fulfilmentChoices(type: ["HD", "CC"]) { edges { node { ref } } }
      wrong: fulfilmentChoices(deliveryType: ["EXPRESS"], fulfilmentType: ["CC_PFS"]) { edges { node { ref } } }
    }`,
      { window: { from: '2026-01-15T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z' } },
    );
    expect(pluck(d.express)).toEqual(['HD-0001-FC2']);
    expect(pluck(d.pickup)).toEqual(['CC-0001-FC']);
    expect(pluck(d.byDeliverAfter)).toEqual(['HD-0001-FC2']);
    expect(pluck(d.all).sort()).toEqual(['CC-0001-FC', 'HD-0001-FC', 'HD-0001-FC2']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateFulfilmentChoice changes fields', async () => {
    const { updateFulfilmentChoice: u } = await h.ok(
      `mutation ($id: ID!) {
      updateFulfilmentChoice(input: { id: $id, status: "ACTIVE", deliveryInstruction: "Reception desk", fulfilmentPrice: 12.5 }) { ref status deliveryInstruction fulfilmentPrice deliveryType }
    }`,
      { id: ids['fc2'] },
    );
    expect(u).toEqual({ ref: 'HD-0001-FC2', status: 'ACTIVE', deliveryInstruction: 'Reception desk', fulfilmentPrice: 12.5, deliveryType: 'EXPRESS' });
    const d = await h.ok(
      `{ fulfilmentChoice(ref: "HD-0001-FC2") { status deliveryInstruction } fulfilmentChoices(fulfilmentPrice: [12.5]) { edges { node { ref } } } }`,
    );
    expect(d.fulfilmentChoice).toEqual({ status: 'ACTIVE', deliveryInstruction: 'Reception desk' });
    expect(pluck(d.fulfilmentChoices)).toEqual(['HD-0001-FC2']);
  });
});

describe('fulfilments', () => {
  it('createFulfilment creates a fulfilment with items for order items', async () => {
    const { order } = await h.ok(`{ order(ref: "HD-0001") { fulfilmentChoice { deliveryAddress { id } } items { edges { node { id ref } } } } }`);
    const item1 = nodes(order.items).find((i) => i.ref === 'HD-0001-1');
    ids['toAddress'] = order.fulfilmentChoice.deliveryAddress.id;
    const { createFulfilment: f } = await h.ok(
      `mutation ($input: CreateFulfilmentInput) {
        createFulfilment(input: $input) {
          id ref type status workflowRef workflowVersion deliveryType eta expiryTime fulfilmentChoiceRef createdOn attributes { name value } order { ref }
          items { edges { node { ref status requestedQuantity filledQuantity rejectedQuantity orderItem { ref } fulfilment { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'HD-0001-PFS-1',
          type: 'HD_PFS',
          deliveryType: 'STANDARD',
          eta: '2 days',
          expiryTime: '2026-01-16T09:00:00.000Z',
          order: { id: ids['order'] },
          fulfilmentChoiceRef: 'HD-0001-FC',
          fromAddress: { id: ids['storeAddress'] },
          toAddress: { id: ids['toAddress'] },
          customer: { id: ids['jane'] },
          attributes: [{ name: 'pickZone', type: 'STRING', value: 'A' }],
          items: [{ ref: 'HD-0001-PFS-1-1', orderItem: { id: item1.id }, requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 0 }],
        },
      },
    );
    expect(f).toMatchObject({
      ref: 'HD-0001-PFS-1',
      type: 'HD_PFS',
      status: 'CREATED',
      workflowRef: 'FULFILMENT::HD_PFS',
      workflowVersion: expect.any(Number),
      deliveryType: 'STANDARD',
      eta: '2 days',
      expiryTime: '2026-01-16T09:00:00.000Z',
      fulfilmentChoiceRef: 'HD-0001-FC',
      createdOn: NOW,
      order: { ref: 'HD-0001' },
    });
    expect(f.attributes).toEqual([{ name: 'pickZone', value: 'A' }]);
    expect(nodes(f.items)).toEqual([
      {
        ref: 'HD-0001-PFS-1-1',
        status: 'CREATED',
        requestedQuantity: 2,
        filledQuantity: 0,
        rejectedQuantity: 0,
        orderItem: { ref: 'HD-0001-1' },
        fulfilment: { ref: 'HD-0001-PFS-1' },
      },
    ]);
    ids['fulfilment'] = f.id;
  });

  it('createFulfilment resolves fromAddress to the store address and toAddress to the customer address', async () => {
    const { fulfilmentById: f } = await h.ok(
      `query ($id: ID!) {
      fulfilmentById(id: $id) { fromAddress { __typename ref city } toAddress { __typename ref city } }
    }`,
      { id: ids['fulfilment'] },
    );
    // With per-type id counters the store address and the delivery address both have id 1 here;
    // `AddressId` must still name the address the client meant.
    expect(f.fromAddress).toEqual({ __typename: 'StoreAddress', ref: 'LOC_MEL_STORE_ADDR', city: 'Melbourne' });
    expect(f.toAddress).toEqual({ __typename: 'CustomerAddress', ref: 'HD-0001-ADDR', city: 'Fitzroy' });
  });

  it('a fulfilment exposes its customer as user and the location it ships from as fromLocation', async () => {
    const { fulfilmentById: f } = await h.ok(`query ($id: ID!) { fulfilmentById(id: $id) { user { username } fromLocation { ref } } }`, {
      id: ids['fulfilment'],
    });
    expect(f).toEqual({ user: { username: JANE }, fromLocation: { ref: 'LOC_MEL_STORE' } });
  });

  it('fulfilmentById and fulfilment(id) return it; order.fulfilments lists it', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      fulfilmentById(id: $id) { id ref type }
      fulfilment(id: $id) { ref items { edges { node { ref } } } }
      order(ref: "HD-0001") { fulfilments { edges { node { ref } } } }
      missing: fulfilment(id: "999") { id }
    }`,
      { id: ids['fulfilment'] },
    );
    expect(d.fulfilmentById).toEqual({ id: ids['fulfilment'], ref: 'HD-0001-PFS-1', type: 'HD_PFS' });
    expect(d.fulfilment.ref).toBe('HD-0001-PFS-1');
    expect(pluck(d.fulfilment.items)).toEqual(['HD-0001-PFS-1-1']);
    // The order's workflow may add fulfilments of its own (HD_PFDC); ours is among them.
    expect(pluck(d.order.fulfilments)).toContain('HD-0001-PFS-1');
    expect(d.missing).toBeNull();
  });

  it('fulfilments finds it by filter and not by non-matching ones', async () => {
    const d = await h.ok(
      `query ($expiry: DateRange) {
      byRef: fulfilments(ref: ["HD-0001-PFS-1"]) { edges { node { ref } } }
      byType: fulfilments(type: ["HD_PFS"], deliveryType: ["STANDARD"]) { edges { node { ref } } }
      byChoice: fulfilments(fulfilmentChoiceRef: ["HD-0001-FC"]) { edges { node { ref } } }
      byExpiry: fulfilments(expiryTime: $expiry) { edges { node { ref } } }
      wrong: fulfilments(ref: ["HD-0001-PFS-1"], type: ["CC_PFS"]) { edges { node { ref } } }
    }`,
      { expiry: { from: '2026-01-16T00:00:00.000Z', to: '2026-01-17T00:00:00.000Z' } },
    );
    for (const key of ['byRef', 'byType', 'byExpiry']) expect(pluck(d[key]), key).toEqual(['HD-0001-PFS-1']);
    // The order's workflow plans its own fulfilment for the same choice.
    expect(pluck(d.byChoice)).toContain('HD-0001-PFS-1');
    expect(pluck(d.wrong)).toEqual([]);
  });

  it("fulfilments filters by retailerId (the retailer of the fulfilment's order)", async () => {
    const d = await h.ok(`{
      byRetailer: fulfilments(retailerId: [1]) { edges { node { ref } } }
      wrongRetailer: fulfilments(retailerId: [99]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byRetailer)).toContain('HD-0001-PFS-1');
    expect(pluck(d.wrongRetailer)).toEqual([]);
  });

  it("fulfilments filters by fromLocation (the location of the fulfilment's fromAddress)", async () => {
    const d = await h.ok(`{
      byLocation: fulfilments(fromLocation: { ref: "LOC_MEL_STORE" }) { edges { node { ref } } }
      wrongLocation: fulfilments(fromLocation: { ref: "LOC_SYD_STORE" }) { edges { node { ref } } }
    }`);
    expect(pluck(d.byLocation)).toContain('HD-0001-PFS-1');
    expect(pluck(d.wrongLocation)).not.toContain('HD-0001-PFS-1');
  });

  it('updateFulfilment changes status and (nested) item quantities', async () => {
    const { fulfilmentById } = await h.ok(`query ($id: ID!) { fulfilmentById(id: $id) { items { edges { node { id } } } } }`, { id: ids['fulfilment'] });
    const itemId = nodes(fulfilmentById.items)[0].id;
    const { updateFulfilment: u } = await h.ok(
      `mutation ($id: ID!, $item: ID!) {
      updateFulfilment(input: { id: $id, status: "PICKED", eta: "1 day", items: [{ id: $item, filledQuantity: 2, status: "FILLED" }] }) {
        ref status eta items { edges { node { ref status filledQuantity rejectedQuantity } } }
      }
    }`,
      { id: ids['fulfilment'], item: itemId },
    );
    expect(u).toMatchObject({ ref: 'HD-0001-PFS-1', status: 'PICKED', eta: '1 day' });
    expect(nodes(u.items)).toEqual([{ ref: 'HD-0001-PFS-1-1', status: 'FILLED', filledQuantity: 2, rejectedQuantity: 0 }]);
    const d = await h.ok(`{ picked: fulfilments(status: ["PICKED"]) { edges { node { ref eta } } } }`);
    expect(nodes(d.picked)).toEqual([{ ref: 'HD-0001-PFS-1', eta: '1 day' }]);
  });

  it('fulfilmentItems finds items by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      filled: fulfilmentItems(filledQuantity: [2]) { edges { node { ref status fulfilment { ref } } } }
      byRef: fulfilmentItems(ref: ["HD-0001-PFS-1-1"], status: ["FILLED"]) { edges { node { ref } } }
      wrong: fulfilmentItems(ref: ["HD-0001-PFS-1-1"], rejectedQuantity: [1]) { edges { node { ref } } }
    }`);
    expect(nodes(d.filled)).toContainEqual({ ref: 'HD-0001-PFS-1-1', status: 'FILLED', fulfilment: { ref: 'HD-0001-PFS-1' } });
    expect(pluck(d.byRef)).toEqual(['HD-0001-PFS-1-1']);
    expect(pluck(d.wrong)).toEqual([]);
  });
});

describe('financial transactions', () => {
  it('createFinancialTransaction adds a transaction to an order', async () => {
    const { createFinancialTransaction: t } = await h.ok(
      `mutation ($order: ID!) {
      createFinancialTransaction(input: { ref: "HD-0001-FT2", type: "REFUND", amount: 29.95, currency: "AUD", paymentMethod: "VISA", cardType: "CREDIT", externalTransactionCode: "RF", order: { id: $order } }) {
        id ref type status currency paymentMethod externalTransactionCode createdOn order { ref }
      }
    }`,
      { order: ids['order'] },
    );
    expect(t).toMatchObject({
      ref: 'HD-0001-FT2',
      type: 'REFUND',
      status: 'CREATED',
      currency: 'AUD',
      paymentMethod: 'VISA',
      externalTransactionCode: 'RF',
      createdOn: NOW,
      order: { ref: 'HD-0001' },
    });
    ids['ft2'] = t.id;
  });

  it('a financial transaction has its non-null total (from amount) and workflowRef', async () => {
    const { financialTransaction } = await h.ok(`query ($id: ID!) { financialTransaction(id: $id) { total workflowRef workflowVersion } }`, { id: ids['ft2'] });
    expect(financialTransaction).toEqual({ total: 29.95, workflowRef: expect.stringMatching(/^[A-Z_]+::REFUND$/), workflowVersion: expect.any(Number) });
  });

  it('financialTransaction(id) returns it', async () => {
    const { financialTransaction } = await h.ok(`query ($id: ID!) { financialTransaction(id: $id) { id ref type currency order { ref } } }`, {
      id: ids['ft2'],
    });
    expect(financialTransaction).toEqual({ id: ids['ft2'], ref: 'HD-0001-FT2', type: 'REFUND', currency: 'AUD', order: { ref: 'HD-0001' } });
  });

  it('financialTransactions finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      refunds: financialTransactions(type: ["REFUND"]) { edges { node { ref } } }
      visa: financialTransactions(paymentMethod: ["VISA"], currency: ["AUD"]) { edges { node { ref } } }
      wrong: financialTransactions(type: ["REFUND"], paymentMethod: ["MASTERCARD"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.refunds)).toEqual(['HD-0001-FT2']);
    expect(pluck(d.visa).sort()).toEqual(['HD-0001-FT', 'HD-0001-FT2']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateFinancialTransaction changes the status', async () => {
    const { updateFinancialTransaction: u } = await h.ok(
      `mutation ($id: ID!) { updateFinancialTransaction(input: { id: $id, status: "SETTLED" }) { ref status } }`,
      { id: ids['ft2'] },
    );
    expect(u).toEqual({ ref: 'HD-0001-FT2', status: 'SETTLED' });
    const d = await h.ok(
      `query ($id: ID!) { financialTransaction(id: $id) { status } settled: financialTransactions(status: ["SETTLED"]) { edges { node { ref } } } }`,
      { id: ids['ft2'] },
    );
    expect(d.financialTransaction).toEqual({ status: 'SETTLED' });
    expect(pluck(d.settled)).toEqual(['HD-0001-FT2']);
  });
});

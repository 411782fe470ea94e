/**
 * Billing, credit memos, invoices and payments: billing accounts, invoices and invoice items,
 * credit memos and their items, payment service providers, payments and payment transactions.
 * Built on one home-delivery order (with a fulfilment and a financial transaction) for the
 * seeded customer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';
const JANE = 'jane.citizen@example.com';
const TAX = { country: 'AU', group: 'STANDARD', tariff: 'GST' };
const ORDER = { ref: 'HD-0200', retailer: { id: RETAILER_ID } };
const TSHIRT = { ref: 'TSHIRT-BLK-M', catalogue: { ref: 'PC:MASTER:1' } };
const AUD = { alphabeticCode: 'AUD' };

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const pre = await h.ok(`{ customer(ref: "jane.citizen@example.com") { id } }`);
  const { createOrder: o } = await h.ok(
    `mutation ($input: CreateOrderInput) { createOrder(input: $input) { id items { edges { node { id } } } financialTransactions { edges { node { id } } } } }`,
    {
      input: {
        ref: 'HD-0200',
        type: 'HD',
        retailer: { id: RETAILER_ID },
        customer: { id: pre.customer.id },
        items: [{ ref: 'HD-0200-1', productRef: 'TSHIRT-BLK-M', productCatalogueRef: 'PC:MASTER:1', quantity: 2, price: 29.95, currency: 'AUD' }],
        financialTransactions: [{ ref: 'HD-0200-FT', type: 'PAYMENT', amount: 59.9, currency: 'AUD', paymentMethod: 'VISA' }],
      },
    },
  );
  ids['order'] = o.id;
  ids['orderItem'] = nodes(o.items)[0].id;
  ids['ft'] = nodes(o.financialTransactions)[0].id;
  const { createFulfilment: f } = await h.ok(
    `mutation ($order: ID!, $item: ID!) {
    createFulfilment(input: { ref: "HD-0200-SHIP-1", type: "HD_PFDC", order: { id: $order }, items: [{ ref: "HD-0200-SHIP-1-1", orderItem: { id: $item }, requestedQuantity: 2, filledQuantity: 2, rejectedQuantity: 0 }] }) { id }
  }`,
    { order: ids['order'], item: ids['orderItem'] },
  );
  ids['fulfilment'] = f.id;
});

const amount = (value: number) => ({ amount: value, scale: 2, unscaledValue: Math.round(value * 100) });

describe('billing accounts', () => {
  it('createBillingAccount creates an account for a customer', async () => {
    const { createBillingAccount: b } = await h.ok(`mutation {
      createBillingAccount(input: { ref: "BA-JANE", type: "CUSTOMER", name: "Jane Citizen", retailer: { id: "1" }, customer: { ref: "jane.citizen@example.com" },
        address: { name: "Jane Citizen", street: "1 Collins St", city: "Melbourne", state: "VIC", postcode: "3000", country: "Australia" },
        attributes: [{ name: "terms", type: "STRING", value: "NET30" }] }) {
        id ref type name status workflowRef workflowVersion createdOn retailer { id } customer { ref } address { name street city postcode } attributes { name value }
      }
    }`);
    expect(b).toMatchObject({
      ref: 'BA-JANE',
      type: 'CUSTOMER',
      name: 'Jane Citizen',
      status: 'CREATED',
      workflowRef: 'BILLING_ACCOUNT::CUSTOMER',
      workflowVersion: expect.any(String),
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
      customer: { ref: JANE },
    });
    expect(b.address).toEqual({ name: 'Jane Citizen', street: '1 Collins St', city: 'Melbourne', postcode: '3000' });
    expect(b.attributes).toEqual([{ name: 'terms', value: 'NET30' }]);
  });

  it('billingAccount(ref) returns it', async () => {
    const d = await h.ok(`{ billingAccount(ref: "BA-JANE") { ref name customer { ref } } missing: billingAccount(ref: "NOPE") { ref } }`);
    expect(d.billingAccount).toEqual({ ref: 'BA-JANE', name: 'Jane Citizen', customer: { ref: JANE } });
    expect(d.missing).toBeNull();
  });

  it('billingAccount.workflow is the link to its workflow', async () => {
    const { billingAccount } = await h.ok(`{ billingAccount(ref: "BA-JANE") { workflow { ref version } } }`);
    expect(billingAccount.workflow).toEqual({ ref: 'BILLING_ACCOUNT::CUSTOMER', version: expect.any(Number) });
  });

  it('billingAccounts finds by customer, retailer and name and not by a non-matching filter', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byCustomer: billingAccounts(customer: { ref: "jane.citizen@example.com" }) { edges { node { ref } } }
      byRetailer: billingAccounts(retailer: { id: "1" }, name: ["Jane Citizen"], createdOn: $now) { edges { node { ref } } }
      wrongCustomer: billingAccounts(customer: { ref: "someone@example.com" }) { edges { node { ref } } }
      wrongDate: billingAccounts(ref: ["BA-JANE"], createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.byCustomer)).toEqual(['BA-JANE']);
    expect(pluck(d.byRetailer)).toEqual(['BA-JANE']);
    expect(pluck(d.wrongCustomer)).toEqual([]);
    expect(pluck(d.wrongDate)).toEqual([]);
  });

  it('updateBillingAccount (keyed by ref) changes name, status and address', async () => {
    const { updateBillingAccount: u } = await h.ok(`mutation {
      updateBillingAccount(input: { ref: "BA-JANE", name: "Jane Citizen (business)", status: "ACTIVE", address: { name: "Jane Citizen", street: "2 Collins St", city: "Melbourne" } }) { ref name status address { street } }
    }`);
    expect(u).toEqual({ ref: 'BA-JANE', name: 'Jane Citizen (business)', status: 'ACTIVE', address: { street: '2 Collins St' } });
    const d = await h.ok(`{ billingAccount(ref: "BA-JANE") { name status } active: billingAccounts(status: ["ACTIVE"]) { edges { node { ref } } } }`);
    expect(d.billingAccount).toEqual({ name: 'Jane Citizen (business)', status: 'ACTIVE' });
    expect(pluck(d.active)).toEqual(['BA-JANE']);
  });
});

describe('invoices', () => {
  it("createInvoice bills an order's fulfilment with items", async () => {
    const { createInvoice: i } = await h.ok(
      `mutation ($input: CreateInvoiceInput) {
        createInvoice(input: $input) {
          id ref type status workflowRef workflowVersion issueDate dueDate createdOn
          billingAccount { ref } order { ref retailer { id } } fulfilment { ref } currency { alphabeticCode }
          defaultTaxType { country group tariff } subTotalAmount { amount scale unscaledValue } totalTax { amount } totalAmount { amount } totalBalance { amount }
          items { edges { node { ref type description product { ref catalogue { ref } } unitQuantity { quantity unit } unitTaxType { tariff } unitAmount { amount } amount { amount } taxAmount { amount } invoice { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'INV-0001',
          type: 'SALE',
          billingAccount: { ref: 'BA-JANE' },
          order: ORDER,
          fulfilment: { ref: 'HD-0200-SHIP-1' },
          issueDate: '2026-01-15T09:00:00.000Z',
          dueDate: '2026-02-14T09:00:00.000Z',
          currency: AUD,
          defaultTaxType: TAX,
          subTotalAmount: amount(54.45),
          totalTax: amount(5.45),
          totalAmount: amount(59.9),
          totalBalance: amount(59.9),
          items: [
            {
              ref: 'INV-0001-1',
              type: 'PRODUCT',
              description: 'Classic T-Shirt Black M',
              product: TSHIRT,
              unitQuantity: { quantity: 2, unit: 'EA' },
              unitTaxType: TAX,
              unitAmount: amount(29.95),
              amount: amount(59.9),
              taxAmount: amount(5.45),
            },
          ],
        },
      },
    );
    expect(i).toMatchObject({
      ref: 'INV-0001',
      type: 'SALE',
      status: 'CREATED',
      workflowRef: 'INVOICE::SALE',
      workflowVersion: expect.any(Number),
      issueDate: '2026-01-15T09:00:00.000Z',
      dueDate: '2026-02-14T09:00:00.000Z',
      createdOn: NOW,
    });
    expect(i.billingAccount).toEqual({ ref: 'BA-JANE' });
    expect(i.order).toEqual({ ref: 'HD-0200', retailer: { id: RETAILER_ID } });
    expect(i.fulfilment).toEqual({ ref: 'HD-0200-SHIP-1' });
    expect(i.currency).toEqual(AUD);
    expect(i.defaultTaxType).toEqual(TAX);
    expect(i.subTotalAmount).toEqual({ amount: 54.45, scale: 2, unscaledValue: 5445 });
    expect([i.totalTax.amount, i.totalAmount.amount, i.totalBalance.amount]).toEqual([5.45, 59.9, 59.9]);
    expect(nodes(i.items)).toEqual([
      {
        ref: 'INV-0001-1',
        type: 'PRODUCT',
        description: 'Classic T-Shirt Black M',
        product: TSHIRT,
        unitQuantity: { quantity: 2, unit: 'EA' },
        unitTaxType: { tariff: 'GST' },
        unitAmount: { amount: 29.95 },
        amount: { amount: 59.9 },
        taxAmount: { amount: 5.45 },
        invoice: { ref: 'INV-0001' },
      },
    ]);
  });

  it('createInvoiceItem adds an item to the invoice', async () => {
    const { createInvoiceItem: it_ } = await h.ok(`mutation {
      createInvoiceItem(input: { ref: "INV-0001-2", type: "SHIPPING", invoice: { ref: "INV-0001" }, description: "Delivery", unitQuantity: { quantity: 1 }, unitAmount: { amount: 10 }, amount: { amount: 10 }, taxAmount: { amount: 0.91 } }) {
        id ref type description unitAmount { amount } taxAmount { amount } createdOn invoice { ref }
      }
    }`);
    expect(it_).toMatchObject({
      ref: 'INV-0001-2',
      type: 'SHIPPING',
      description: 'Delivery',
      unitAmount: { amount: 10 },
      taxAmount: { amount: 0.91 },
      createdOn: NOW,
      invoice: { ref: 'INV-0001' },
    });
  });

  it('invoice(ref) and invoiceItem(ref) return them; the billing account lists the invoice', async () => {
    const d = await h.ok(`{
      invoice(ref: "INV-0001") { ref type items { edges { node { ref } } } }
      invoiceItem(ref: "INV-0001-2") { ref description invoice { ref } }
      billingAccount(ref: "BA-JANE") { invoices { edges { node { ref } } } }
      missing: invoice(ref: "NOPE") { ref }
    }`);
    expect(d.invoice.type).toBe('SALE');
    expect(pluck(d.invoice.items).sort()).toEqual(['INV-0001-1', 'INV-0001-2']);
    expect(d.invoiceItem).toEqual({ ref: 'INV-0001-2', description: 'Delivery', invoice: { ref: 'INV-0001' } });
    expect(pluck(d.billingAccount.invoices)).toEqual(['INV-0001']);
    expect(d.missing).toBeNull();
  });

  it('invoices and invoiceItems find by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($issued: DateRange, $old: DateRange) {
      byOrder: invoices(order: { ref: "HD-0200", retailer: { id: "1" } }) { edges { node { ref } } }
      byFulfilment: invoices(fulfilment: { ref: "HD-0200-SHIP-1" }, currency: { alphabeticCode: "AUD" }) { edges { node { ref } } }
      byWorkflow: invoices(workflow: { ref: "INVOICE::SALE", version: 1 }, issueDate: $issued) { edges { node { ref } } }
      wrongCurrency: invoices(currency: { alphabeticCode: "USD" }) { edges { node { ref } } }
      wrongDate: invoices(issueDate: $old) { edges { node { ref } } }
      itemsByType: invoiceItems(type: ["SHIPPING"]) { edges { node { ref } } }
      itemsByProduct: invoiceItems(product: { ref: "TSHIRT-BLK-M", catalogue: { ref: "PC:MASTER:1" } }) { edges { node { ref } } }
      itemsWrong: invoiceItems(ref: ["INV-0001-1"], type: ["SHIPPING"]) { edges { node { ref } } }
    }`,
      { issued: AROUND_NOW, old: LONG_AGO },
    );
    for (const key of ['byOrder', 'byFulfilment', 'byWorkflow']) expect(pluck(d[key]), key).toEqual(['INV-0001']);
    for (const key of ['wrongCurrency', 'wrongDate', 'itemsWrong']) expect(pluck(d[key]), key).toEqual([]);
    expect(pluck(d.itemsByType)).toEqual(['INV-0001-2']);
    expect(pluck(d.itemsByProduct)).toEqual(['INV-0001-1']);
  });

  it('updateInvoice (keyed by ref) changes status, balance and (nested, by ref) an item', async () => {
    const { updateInvoice: u } = await h.ok(`mutation {
      updateInvoice(input: { ref: "INV-0001", status: "ISSUED", totalBalance: { amount: 0 }, items: [{ ref: "INV-0001-1", description: "Classic Tee" }] }) {
        ref status totalBalance { amount } items { edges { node { ref description } } }
      }
    }`);
    expect(u).toMatchObject({ ref: 'INV-0001', status: 'ISSUED', totalBalance: { amount: 0 } });
    expect(nodes(u.items).find((i) => i.ref === 'INV-0001-1')).toEqual({ ref: 'INV-0001-1', description: 'Classic Tee' });
    const d = await h.ok(`{ invoices(status: ["ISSUED"]) { edges { node { ref } } } invoiceItem(ref: "INV-0001-1") { description } }`);
    expect(pluck(d.invoices)).toEqual(['INV-0001']);
    expect(d.invoiceItem).toEqual({ description: 'Classic Tee' });
  });
});

describe('credit memos', () => {
  it('createCreditMemo credits an order item against the invoice', async () => {
    const { createCreditMemo: c } = await h.ok(
      `mutation ($input: CreateCreditMemoInput) {
        createCreditMemo(input: $input) {
          id ref type status workflowRef issueDate createdOn billingAccount { ref } invoice { ref } order { ref } currency { alphabeticCode } totalAmount { amount }
          items { edges { node { ref type description creditReasonCode { value label } orderItem { ref order { ref } } product { ref } unitQuantity { quantity } amount { amount } creditMemo { ref } } } }
        }
      }`,
      {
        input: {
          ref: 'CM-0001',
          type: 'RETURN',
          billingAccount: { ref: 'BA-JANE' },
          invoice: { ref: 'INV-0001' },
          order: ORDER,
          issueDate: '2026-01-15T09:00:00.000Z',
          currency: AUD,
          defaultTaxType: TAX,
          subTotalAmount: amount(27.23),
          totalTax: amount(2.72),
          totalAmount: amount(29.95),
          totalBalance: amount(29.95),
          items: [
            {
              ref: 'CM-0001-1',
              type: 'PRODUCT',
              description: 'Damaged tee',
              creditReasonCode: { value: 'DAMAGED', label: 'Damaged in transit' },
              orderItem: { ref: 'HD-0200-1', order: ORDER },
              product: TSHIRT,
              unitQuantity: { quantity: 1 },
              unitAmount: amount(29.95),
              amount: amount(29.95),
              taxAmount: amount(2.72),
            },
          ],
        },
      },
    );
    expect(c).toMatchObject({
      ref: 'CM-0001',
      type: 'RETURN',
      status: 'CREATED',
      workflowRef: 'CREDIT_MEMO::RETURN',
      issueDate: '2026-01-15T09:00:00.000Z',
      createdOn: NOW,
      billingAccount: { ref: 'BA-JANE' },
      invoice: { ref: 'INV-0001' },
      order: { ref: 'HD-0200' },
      currency: AUD,
      totalAmount: { amount: 29.95 },
    });
    expect(nodes(c.items)).toEqual([
      {
        ref: 'CM-0001-1',
        type: 'PRODUCT',
        description: 'Damaged tee',
        creditReasonCode: { value: 'DAMAGED', label: 'Damaged in transit' },
        orderItem: { ref: 'HD-0200-1', order: { ref: 'HD-0200' } },
        product: { ref: 'TSHIRT-BLK-M' },
        unitQuantity: { quantity: 1 },
        amount: { amount: 29.95 },
        creditMemo: { ref: 'CM-0001' },
      },
    ]);
  });

  it('createCreditMemo with an unknown order item fails with C0120E', async () => {
    const errors = await h.fail(
      `mutation ($order: OrderLinkInput!) {
      createCreditMemo(input: { ref: "CM-BAD", type: "RETURN", billingAccount: { ref: "BA-JANE" }, issueDate: "2026-01-15T09:00:00.000Z", currency: { alphabeticCode: "AUD" }, defaultTaxType: { country: "AU", group: "STANDARD", tariff: "GST" },
        subTotalAmount: { amount: 1 }, totalTax: { amount: 0 }, totalAmount: { amount: 1 }, totalBalance: { amount: 1 },
        items: [{ ref: "CM-BAD-1", type: "PRODUCT", orderItem: { ref: "NO-SUCH-ITEM", order: $order }, unitQuantity: { quantity: 1 }, unitAmount: { amount: 1 }, amount: { amount: 1 }, taxAmount: { amount: 0 } }] }) { id }
    }`,
      { order: ORDER },
    );
    expect(errors[0]!.message).toContain('C0120E');
  });

  it('createCreditMemoItem adds an item to the credit memo', async () => {
    const { createCreditMemoItem: i } = await h.ok(`mutation {
      createCreditMemoItem(input: { ref: "CM-0001-2", type: "SHIPPING", description: "Delivery refund", creditMemo: { ref: "CM-0001" }, unitQuantity: { quantity: 1 }, unitAmount: { amount: 10 }, amount: { amount: 10 }, taxAmount: { amount: 0.91 } }) {
        ref type description amount { amount } createdOn creditMemo { ref }
      }
    }`);
    expect(i).toEqual({
      ref: 'CM-0001-2',
      type: 'SHIPPING',
      description: 'Delivery refund',
      amount: { amount: 10 },
      createdOn: NOW,
      creditMemo: { ref: 'CM-0001' },
    });
  });

  it('creditMemo(ref) and creditMemoItem(ref) return them; the billing account lists the memo', async () => {
    const d = await h.ok(`{
      creditMemo(ref: "CM-0001") { ref items { edges { node { ref } } } }
      creditMemoItem(ref: "CM-0001-2") { ref description creditMemo { ref } }
      billingAccount(ref: "BA-JANE") { creditMemos { edges { node { ref } } } }
      missing: creditMemo(ref: "NOPE") { ref }
    }`);
    expect(pluck(d.creditMemo.items).sort()).toEqual(['CM-0001-1', 'CM-0001-2']);
    expect(d.creditMemoItem).toEqual({ ref: 'CM-0001-2', description: 'Delivery refund', creditMemo: { ref: 'CM-0001' } });
    expect(pluck(d.billingAccount.creditMemos)).toEqual(['CM-0001']);
    expect(d.missing).toBeNull();
  });

  it('invoice.creditMemos lists the credit memos raised against the invoice', async () => {
    const { invoice } = await h.ok(`{ invoice(ref: "INV-0001") { creditMemos { ref } } }`);
    expect(invoice.creditMemos).toEqual([{ ref: 'CM-0001' }]);
  });

  it('creditMemoes and creditMemoItems find by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($issued: DateRange) {
      byOrder: creditMemoes(order: { ref: "HD-0200", retailer: { id: "1" } }, issueDate: $issued) { edges { node { ref } } }
      byCurrency: creditMemoes(currency: { alphabeticCode: "AUD" }, type: ["RETURN"]) { edges { node { ref } } }
      wrong: creditMemoes(ref: ["CM-0001"], type: ["GOODWILL"]) { edges { node { ref } } }
      itemsByOrderItem: creditMemoItems(orderItem: { ref: "HD-0200-1", order: { ref: "HD-0200", retailer: { id: "1" } } }) { edges { node { ref } } }
      itemsByType: creditMemoItems(type: ["SHIPPING"], description: ["Delivery refund"]) { edges { node { ref } } }
      itemsWrong: creditMemoItems(ref: ["CM-0001-1"], type: ["SHIPPING"]) { edges { node { ref } } }
    }`,
      { issued: AROUND_NOW },
    );
    expect(pluck(d.byOrder)).toEqual(['CM-0001']);
    expect(pluck(d.byCurrency)).toEqual(['CM-0001']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.itemsByOrderItem)).toEqual(['CM-0001-1']);
    expect(pluck(d.itemsByType)).toEqual(['CM-0001-2']);
    expect(pluck(d.itemsWrong)).toEqual([]);
  });

  it('updateCreditMemo (keyed by ref) changes status and balance', async () => {
    const { updateCreditMemo: u } = await h.ok(
      `mutation { updateCreditMemo(input: { ref: "CM-0001", status: "APPROVED", totalBalance: { amount: 0 } }) { ref status totalBalance { amount } } }`,
    );
    expect(u).toEqual({ ref: 'CM-0001', status: 'APPROVED', totalBalance: { amount: 0 } });
    const d = await h.ok(`{ creditMemo(ref: "CM-0001") { status } creditMemoes(status: ["APPROVED"]) { edges { node { ref } } } }`);
    expect(d.creditMemo).toEqual({ status: 'APPROVED' });
    expect(pluck(d.creditMemoes)).toEqual(['CM-0001']);
  });
});

describe('payment service providers', () => {
  it('createPaymentServiceProvider / paymentServiceProvider / paymentServiceProviders / updatePaymentServiceProvider', async () => {
    const { createPaymentServiceProvider: p } = await h.ok(`mutation {
      createPaymentServiceProvider(input: { ref: "PSP-STRIPE", name: "Stripe", clientId: "stripe-client", clientSecret: "stripe-secret", serviceAuthToken: "tok_123", host: "api.stripe.example", port: 443, retailer: { id: "1" } }) {
        id ref name clientId clientSecret serviceAuthToken host port createdOn retailer { id }
      }
    }`);
    expect(p).toMatchObject({
      ref: 'PSP-STRIPE',
      name: 'Stripe',
      clientId: 'stripe-client',
      clientSecret: 'stripe-secret',
      serviceAuthToken: 'tok_123',
      host: 'api.stripe.example',
      port: 443,
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
    });

    const d = await h.ok(`{
      paymentServiceProvider(ref: "PSP-STRIPE") { ref host port }
      byHost: paymentServiceProviders(host: ["api.stripe.example"], retailer: { id: "1" }) { edges { node { ref } } }
      wrong: paymentServiceProviders(ref: ["PSP-STRIPE"], port: [80]) { edges { node { ref } } }
    }`);
    expect(d.paymentServiceProvider).toEqual({ ref: 'PSP-STRIPE', host: 'api.stripe.example', port: 443 });
    expect(pluck(d.byHost)).toEqual(['PSP-STRIPE']);
    expect(pluck(d.wrong)).toEqual([]);

    const { updatePaymentServiceProvider: u } = await h.ok(
      `mutation { updatePaymentServiceProvider(input: { ref: "PSP-STRIPE", port: 8443, name: "Stripe AU" }) { ref name port host } }`,
    );
    expect(u).toEqual({ ref: 'PSP-STRIPE', name: 'Stripe AU', port: 8443, host: 'api.stripe.example' });
    const after = await h.ok(`{ paymentServiceProvider(ref: "PSP-STRIPE") { name port } paymentServiceProviders(port: [8443]) { edges { node { ref } } } }`);
    expect(after.paymentServiceProvider).toEqual({ name: 'Stripe AU', port: 8443 });
    expect(pluck(after.paymentServiceProviders)).toEqual(['PSP-STRIPE']);
  });
});

describe('payments and payment transactions', () => {
  it('createPayment creates a payment with a transaction through a provider', async () => {
    const { createPayment: p } = await h.ok(
      `mutation ($fulfilment: ID, $ft: ID!) {
      createPayment(input: { ref: "PAY-0001", type: "CARD", retailer: { id: "1" }, amount: { amount: 59.9, scale: 2, unscaledValue: 5990 }, billingAccount: { ref: "BA-JANE" },
        fulfilment: { id: $fulfilment }, financialTransaction: { id: $ft }, attributes: [{ name: "gateway", type: "STRING", value: "stripe" }],
        paymentTransactions: [{ ref: "PT-0001", type: "AUTHORISATION", amount: { amount: 59.9 }, currency: { alphabeticCode: "AUD" }, authorizationKey: "auth_1", cardType: "CREDIT", paymentMethod: "VISA", paymentServiceProvider: { ref: "PSP-STRIPE" } }] }) {
        id ref type status workflowRef workflowVersion createdOn amount { amount scale unscaledValue } retailer { id } billingAccount { ref } fulfilment { ref } financialTransaction { ref }
        attributes { name value }
        paymentTransactions { edges { node { ref type status amount { amount } currency { alphabeticCode } authorizationKey cardType paymentMethod paymentServiceProvider { ref } payment { ref } } } }
      }
    }`,
      { fulfilment: ids['fulfilment'], ft: ids['ft'] },
    );
    expect(p).toMatchObject({
      ref: 'PAY-0001',
      type: 'CARD',
      status: 'CREATED',
      workflowRef: 'PAYMENT::CARD',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      amount: { amount: 59.9, scale: 2, unscaledValue: 5990 },
      retailer: { id: RETAILER_ID },
      billingAccount: { ref: 'BA-JANE' },
      fulfilment: { ref: 'HD-0200-SHIP-1' },
      financialTransaction: { ref: 'HD-0200-FT' },
      attributes: [{ name: 'gateway', value: 'stripe' }],
    });
    expect(nodes(p.paymentTransactions)).toEqual([
      {
        ref: 'PT-0001',
        type: 'AUTHORISATION',
        status: 'CREATED',
        amount: { amount: 59.9 },
        currency: AUD,
        authorizationKey: 'auth_1',
        cardType: 'CREDIT',
        paymentMethod: 'VISA',
        paymentServiceProvider: { ref: 'PSP-STRIPE' },
        payment: { ref: 'PAY-0001' },
      },
    ]);
  });

  it('createPaymentTransaction adds a transaction to the payment', async () => {
    const { createPaymentTransaction: t } = await h.ok(`mutation {
      createPaymentTransaction(input: { ref: "PT-0002", type: "CAPTURE", status: "SUCCESS", amount: { amount: 59.9 }, currency: { alphabeticCode: "AUD" }, paymentMethod: "VISA", payment: { ref: "PAY-0001" }, paymentServiceProvider: { ref: "PSP-STRIPE" } }) {
        ref type status workflowRef createdOn amount { amount } payment { ref } paymentServiceProvider { name }
      }
    }`);
    expect(t).toEqual({
      ref: 'PT-0002',
      type: 'CAPTURE',
      status: 'SUCCESS',
      workflowRef: 'PAYMENT_TRANSACTION::CAPTURE',
      createdOn: NOW,
      amount: { amount: 59.9 },
      payment: { ref: 'PAY-0001' },
      paymentServiceProvider: { name: 'Stripe AU' },
    });
  });

  it('payment(ref) and paymentTransaction(ref) return them; the billing account lists the payment', async () => {
    const d = await h.ok(`{
      payment(ref: "PAY-0001") { ref type paymentTransactions { edges { node { ref } } } }
      paymentTransaction(ref: "PT-0002") { ref type payment { ref } }
      billingAccount(ref: "BA-JANE") { payments { edges { node { ref } } } }
      missing: payment(ref: "NOPE") { ref }
    }`);
    expect(d.payment.type).toBe('CARD');
    expect(pluck(d.payment.paymentTransactions).sort()).toEqual(['PT-0001', 'PT-0002']);
    expect(d.paymentTransaction).toEqual({ ref: 'PT-0002', type: 'CAPTURE', payment: { ref: 'PAY-0001' } });
    expect(pluck(d.billingAccount.payments)).toEqual(['PAY-0001']);
    expect(d.missing).toBeNull();
  });

  it('payments and paymentTransactions find by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byRetailer: payments(retailer: { id: "1" }, type: ["CARD"]) { edges { node { ref } } }
      byWorkflow: payments(workflow: { ref: "PAYMENT::CARD", version: 1 }) { edges { node { ref } } }
      wrong: payments(ref: ["PAY-0001"], status: ["PAID"]) { edges { node { ref } } }
      txByCurrency: paymentTransactions(currency: { alphabeticCode: "AUD" }, paymentMethod: ["VISA"]) { edges { node { ref } } }
      txByType: paymentTransactions(type: ["CAPTURE"]) { edges { node { ref } } }
      txWrong: paymentTransactions(currency: { alphabeticCode: "USD" }) { edges { node { ref } } }
    }`);
    expect(pluck(d.byRetailer)).toEqual(['PAY-0001']);
    expect(pluck(d.byWorkflow)).toEqual(['PAY-0001']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.txByCurrency).sort()).toEqual(['PT-0001', 'PT-0002']);
    expect(pluck(d.txByType)).toEqual(['PT-0002']);
    expect(pluck(d.txWrong)).toEqual([]);
  });

  it('an order created with payment {ref} is found by orders(payment:) and listed by payment.orders', async () => {
    const pre = await h.ok(`{ customer(ref: "jane.citizen@example.com") { id } }`);
    const { createOrder: o } = await h.ok(
      `mutation ($customer: ID!) {
      createOrder(input: { ref: "HD-0201", type: "HD", retailer: { id: "1" }, customer: { id: $customer }, payment: { ref: "PAY-0001" }, items: [{ ref: "HD-0201-1", productRef: "RUNNER-42", quantity: 1 }] }) { ref payment { ref } }
    }`,
      { customer: pre.customer.id },
    );
    expect(o).toEqual({ ref: 'HD-0201', payment: { ref: 'PAY-0001' } });
    const d = await h.ok(`{ orders(payment: { ref: "PAY-0001" }) { edges { node { ref } } } payment(ref: "PAY-0001") { orders { edges { node { ref } } } } }`);
    expect(pluck(d.orders)).toEqual(['HD-0201']);
    expect(pluck(d.payment.orders)).toEqual(['HD-0201']);
  });

  it('updatePayment (keyed by ref) changes the status', async () => {
    const { updatePayment: u } = await h.ok(
      `mutation { updatePayment(input: { ref: "PAY-0001", status: "PAID", attributes: [{ name: "gateway", type: "STRING", value: "stripe-au" }] }) { ref status attributes { name value } } }`,
    );
    expect(u).toEqual({ ref: 'PAY-0001', status: 'PAID', attributes: [{ name: 'gateway', value: 'stripe-au' }] });
    const d = await h.ok(`{ payment(ref: "PAY-0001") { status } payments(status: ["PAID"]) { edges { node { ref } } } }`);
    expect(d.payment).toEqual({ status: 'PAID' });
    expect(pluck(d.payments)).toEqual(['PAY-0001']);
  });
});

/**
 * Carriers & consignments & articles & manifests & waves: carriers (and their details, which no
 * mutation creates), articles packed for fulfilments, consignments and carrier consignments with
 * their article join records, manifests, waves and their derived items. Built on one order with
 * two fulfilments picked at LOC_MEL_STORE.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck, RETAILER_ID } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const pre = await h.ok(`{ customer(ref: "jane.citizen@example.com") { id } location(ref: "LOC_MEL_STORE") { id primaryAddress { id } } me { id } }`);
  ids['jane'] = pre.customer.id;
  ids['mel'] = pre.location.id;
  ids['melAddress'] = pre.location.primaryAddress.id;
  ids['admin'] = pre.me.id;
  const { createOrder: o } = await h.ok(`mutation ($input: CreateOrderInput) { createOrder(input: $input) { id items { edges { node { id ref } } } } }`, {
    input: {
      ref: 'CC-0100',
      type: 'CC',
      retailer: { id: RETAILER_ID },
      customer: { id: ids['jane'] },
      fulfilmentChoice: { ref: 'CC-0100-FC', deliveryType: 'STANDARD', pickupLocationRef: 'LOC_MEL_STORE' },
      items: [
        { ref: 'CC-0100-1', productRef: 'TSHIRT-BLK-M', productCatalogueRef: 'PC:MASTER:1', quantity: 2 },
        { ref: 'CC-0100-2', productRef: 'RUNNER-42', productCatalogueRef: 'PC:MASTER:1', quantity: 1 },
      ],
    },
  });
  ids['order'] = o.id;
  const item = (ref: string): string => nodes(o.items).find((i) => i.ref === ref).id;
  ids['item1'] = item('CC-0100-1');
  ids['item2'] = item('CC-0100-2');
  const f = await h.ok(
    `mutation ($order: ID!, $addr: ID!, $item1: ID!, $item2: ID!) {
      f1: createFulfilment(input: { ref: "CC-0100-PACK-1", type: "CC_PFS", order: { id: $order }, fromAddress: { id: $addr }, items: [{ ref: "CC-0100-PACK-1-1", orderItem: { id: $item1 }, requestedQuantity: 2, filledQuantity: 2, rejectedQuantity: 0 }] }) { id }
      f2: createFulfilment(input: { ref: "CC-0100-PACK-2", type: "CC_PFS", order: { id: $order }, fromAddress: { id: $addr }, items: [{ ref: "CC-0100-PACK-2-1", orderItem: { id: $item2 }, requestedQuantity: 1, filledQuantity: 1, rejectedQuantity: 0 }] }) { id }
    }`,
    { order: ids['order'], addr: ids['melAddress'], item1: ids['item1'], item2: ids['item2'] },
  );
  ids['f1'] = f.f1.id;
  ids['f2'] = f.f2.id;
});

describe('carriers', () => {
  it('createCarrier creates a carrier for a retailer', async () => {
    const { createCarrier: c } = await h.ok(`mutation {
      createCarrier(input: { ref: "STARTRACK", name: "StarTrack", type: "EXPRESS", retailer: { id: "1" }, attributes: [{ name: "account", type: "STRING", value: "ST-001" }] }) {
        id ref name type status createdOn retailer { id } attributes { name value }
      }
    }`);
    expect(c).toMatchObject({
      ref: 'STARTRACK',
      name: 'StarTrack',
      type: 'EXPRESS',
      status: 'CREATED',
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
      attributes: [{ name: 'account', value: 'ST-001' }],
    });
    ids['carrier'] = c.id;
  });

  it('a carrier has its non-null workflowRef / workflowVersion', async () => {
    const { carrier } = await h.ok(`{ carrier(ref: "STARTRACK") { workflowRef workflowVersion } }`);
    expect(carrier).toEqual({ workflowRef: expect.stringMatching(/^[A-Z_]+::EXPRESS$/), workflowVersion: expect.any(Number) });
  });

  it('carrierById and carrier(ref) return it (and the seeded carrier)', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      carrierById(id: $id) { id ref name }
      carrier(ref: "STARTRACK") { id type }
      seeded: carrier(ref: "AUSPOST") { name type retailer { id } }
      missing: carrier(ref: "NOPE") { id }
    }`,
      { id: ids['carrier'] },
    );
    expect(d.carrierById).toEqual({ id: ids['carrier'], ref: 'STARTRACK', name: 'StarTrack' });
    expect(d.carrier).toEqual({ id: ids['carrier'], type: 'EXPRESS' });
    expect(d.seeded).toEqual({ name: 'Australia Post', type: 'DEFAULT', retailer: { id: RETAILER_ID } });
    expect(d.missing).toBeNull();
  });

  it('carriers finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
      byName: carriers(name: ["StarTrack"]) { edges { node { ref } } }
      all: carriers(createdOn: $now) { edges { node { ref } } }
      wrong: carriers(ref: ["STARTRACK"], type: ["DEFAULT"]) { edges { node { ref } } }
      old: carriers(createdOn: $old) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.byName)).toEqual(['STARTRACK']);
    expect(pluck(d.all).sort()).toEqual(['AUSPOST', 'STARTRACK']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.old)).toEqual([]);
  });

  it('updateCarrier changes name and status', async () => {
    const { updateCarrier: u } = await h.ok(
      `mutation ($id: ID!) { updateCarrier(input: { id: $id, name: "StarTrack Express", status: "ACTIVE" }) { ref name status } }`,
      { id: ids['carrier'] },
    );
    expect(u).toEqual({ ref: 'STARTRACK', name: 'StarTrack Express', status: 'ACTIVE' });
    const d = await h.ok(`{ carrier(ref: "STARTRACK") { name status } active: carriers(status: ["ACTIVE"]) { edges { node { ref } } } }`);
    expect(d.carrier).toEqual({ name: 'StarTrack Express', status: 'ACTIVE' });
    expect(pluck(d.active)).toEqual(['STARTRACK']);
  });

  it('carrierDetailses and carrierAttributes search carrier details (stored directly: no mutation creates them)', async () => {
    const account = [...h.sim.accounts.values()][0]!;
    const detailsId = account.ids.nextNumeric('CarrierDetails');
    account.store.put({
      __typename: 'CarrierDetails',
      id: detailsId,
      retailerId: RETAILER_ID,
      agentId: 'AGENT-7',
      carrierId: ids['carrier']!,
      createdOn: NOW,
      updatedOn: NOW,
    });
    account.store.put({
      __typename: 'CarrierAttribute',
      id: account.ids.nextNumeric('CarrierAttribute'),
      name: 'apiKey',
      value: 'st-key-123',
      carrierDetails: { __link: 'CarrierDetails', id: detailsId },
      createdOn: NOW,
      updatedOn: NOW,
    });
    const d = await h.ok(`{
      carrierDetailses(retailerId: ["1"]) { edges { node { id retailerId agentId carrierId attributes { edges { node { name value } } } } } }
      detailsWrong: carrierDetailses(agentId: ["AGENT-0"]) { edges { node { id } } }
      carrierAttributes(name: ["apiKey"]) { edges { node { name value carrierDetails { agentId } } } }
      attributesWrong: carrierAttributes(name: ["apiKey"], value: ["other"]) { edges { node { name } } }
    }`);
    expect(nodes(d.carrierDetailses)).toEqual([
      {
        id: detailsId,
        retailerId: RETAILER_ID,
        agentId: 'AGENT-7',
        carrierId: ids['carrier'],
        attributes: { edges: [{ node: { name: 'apiKey', value: 'st-key-123' } }] },
      },
    ]);
    expect(nodes(d.detailsWrong)).toEqual([]);
    expect(nodes(d.carrierAttributes)).toEqual([{ name: 'apiKey', value: 'st-key-123', carrierDetails: { agentId: 'AGENT-7' } }]);
    expect(nodes(d.attributesWrong)).toEqual([]);
  });
});

describe('articles', () => {
  it('createArticle packs fulfilments into an article with items', async () => {
    const { createArticle: a } = await h.ok(
      `mutation ($f1: ID!, $f2: ID!, $item1: ID!, $item2: ID!) {
      createArticle(input: { ref: "ART-0001", type: "DEFAULT", name: "Parcel 1", description: "Satchel", height: 10, length: 30, width: 20, weight: 1.25, quantity: 1,
        fulfilments: [{ id: $f1 }, { id: $f2 }],
        items: [{ quantity: 2, barcode: "9300000000002", orderItem: { id: $item1 } }, { quantity: 1, barcode: "9300000000007", orderItem: { id: $item2 } }],
        attributes: [{ name: "fragile", type: "BOOLEAN", value: false }] }) {
        id ref type name description height length width weight quantity status workflowRef workflowVersion createdOn attributes { name value }
        fulfilments { edges { node { ref } } }
        items { edges { node { quantity barcode orderItem { ref } article { ref } } } }
      }
    }`,
      { f1: ids['f1'], f2: ids['f2'], item1: ids['item1'], item2: ids['item2'] },
    );
    expect(a).toMatchObject({
      ref: 'ART-0001',
      type: 'DEFAULT',
      name: 'Parcel 1',
      description: 'Satchel',
      height: 10,
      length: 30,
      width: 20,
      weight: 1.25,
      quantity: 1,
      status: 'CREATED',
      workflowRef: 'ARTICLE::DEFAULT',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      attributes: [{ name: 'fragile', value: false }],
    });
    expect(pluck(a.fulfilments).sort()).toEqual(['CC-0100-PACK-1', 'CC-0100-PACK-2']);
    expect(nodes(a.items).sort((x, y) => x.barcode.localeCompare(y.barcode))).toEqual([
      { quantity: 2, barcode: '9300000000002', orderItem: { ref: 'CC-0100-1' }, article: { ref: 'ART-0001' } },
      { quantity: 1, barcode: '9300000000007', orderItem: { ref: 'CC-0100-2' }, article: { ref: 'ART-0001' } },
    ]);
    ids['article'] = a.id;
  });

  it('articleById returns it; the fulfilment lists it', async () => {
    const d = await h.ok(
      `query ($id: ID!, $f1: ID!) {
      articleById(id: $id) { id ref weight }
      fulfilmentById(id: $f1) { articles { edges { node { ref } } } }
      missing: articleById(id: "999") { id }
    }`,
      { id: ids['article'], f1: ids['f1'] },
    );
    expect(d.articleById).toEqual({ id: ids['article'], ref: 'ART-0001', weight: 1.25 });
    expect(pluck(d.fulfilmentById.articles)).toEqual(['ART-0001']);
    expect(d.missing).toBeNull();
  });

  it('articles finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(
      `query ($now: DateRange) {
      byRef: articles(ref: ["ART-0001"]) { edges { node { ref } } }
      byDims: articles(weight: [1.25], height: [10], createdOn: $now) { edges { node { ref } } }
      wrong: articles(ref: ["ART-0001"], type: ["OVERSIZE"]) { edges { node { ref } } }
    }`,
      { now: AROUND_NOW },
    );
    expect(pluck(d.byRef)).toEqual(['ART-0001']);
    expect(pluck(d.byDims)).toEqual(['ART-0001']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it("articles filters by retailerId (the retailer of the article's orders)", async () => {
    const d = await h.ok(`{ mine: articles(retailerId: [1]) { edges { node { ref } } } other: articles(retailerId: [99]) { edges { node { ref } } } }`);
    expect(pluck(d.mine)).toEqual(['ART-0001']);
    expect(pluck(d.other)).toEqual([]);
  });

  it('articleItems finds items by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byBarcode: articleItems(barcode: ["9300000000002"]) { edges { node { quantity article { ref } } } }
      byQuantity: articleItems(quantity: [1]) { edges { node { barcode } } }
      wrong: articleItems(barcode: ["9300000000002"], quantity: [5]) { edges { node { barcode } } }
    }`);
    expect(nodes(d.byBarcode)).toEqual([{ quantity: 2, article: { ref: 'ART-0001' } }]);
    expect(pluck(d.byQuantity, 'barcode')).toEqual(['9300000000007']);
    expect(pluck(d.wrong, 'barcode')).toEqual([]);
  });

  it('updateArticle changes fields and (nested) an item', async () => {
    const { articleById } = await h.ok(`query ($id: ID!) { articleById(id: $id) { items { edges { node { id barcode } } } } }`, { id: ids['article'] });
    const item = nodes(articleById.items).find((i) => i.barcode === '9300000000007');
    const { updateArticle: u } = await h.ok(
      `mutation ($id: ID!, $item: ID!) {
      updateArticle(input: { id: $id, status: "PACKED", weight: 1.5, items: [{ id: $item, quantity: 3 }] }) { ref status weight items { edges { node { barcode quantity } } } }
    }`,
      { id: ids['article'], item: item.id },
    );
    expect(u).toMatchObject({ ref: 'ART-0001', status: 'PACKED', weight: 1.5 });
    expect(nodes(u.items).find((i) => i.barcode === '9300000000007')).toEqual({ barcode: '9300000000007', quantity: 3 });
    const d = await h.ok(`{ packed: articles(status: ["PACKED"]) { edges { node { ref weight } } } }`);
    expect(nodes(d.packed)).toEqual([{ ref: 'ART-0001', weight: 1.5 }]);
  });
});

describe('consignments', () => {
  it('createConsignment consigns the article with a carrier', async () => {
    const { createConsignment: c } = await h.ok(
      `mutation ($carrier: ID!, $article: ID!) {
      createConsignment(input: { ref: "CON-0001", consignmentReference: "ST0000001", trackingLabel: "ST0000001AU", labelUrl: "https://labels.example/ST0000001.pdf", orderSummaryUrl: "https://labels.example/ST0000001-summary.pdf",
        carrier: { id: $carrier }, retailer: { id: "1" }, consignmentArticles: [{ article: { id: $article } }] }) {
        id ref consignmentReference trackingLabel labelUrl orderSummaryUrl status workflowRef workflowVersion createdOn carrier { ref } retailer { id }
        consignmentArticles { edges { node { article { ref } consignment { ref } } } }
      }
    }`,
      { carrier: ids['carrier'], article: ids['article'] },
    );
    expect(c).toMatchObject({
      ref: 'CON-0001',
      consignmentReference: 'ST0000001',
      trackingLabel: 'ST0000001AU',
      labelUrl: 'https://labels.example/ST0000001.pdf',
      orderSummaryUrl: 'https://labels.example/ST0000001-summary.pdf',
      status: 'CREATED',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      carrier: { ref: 'STARTRACK' },
      retailer: { id: RETAILER_ID },
    });
    expect(c.workflowRef).toMatch(/^CONSIGNMENT::/);
    expect(nodes(c.consignmentArticles)).toEqual([{ article: { ref: 'ART-0001' }, consignment: { ref: 'CON-0001' } }]);
    ids['consignment'] = c.id;
  });

  it('consignmentById returns it; the article lists its consignment', async () => {
    const d = await h.ok(
      `query ($id: ID!, $article: ID!) {
      consignmentById(id: $id) { id ref trackingLabel }
      articleById(id: $article) { consignmentArticles { edges { node { consignment { ref } } } } }
    }`,
      { id: ids['consignment'], article: ids['article'] },
    );
    expect(d.consignmentById).toEqual({ id: ids['consignment'], ref: 'CON-0001', trackingLabel: 'ST0000001AU' });
    expect(nodes(d.articleById.consignmentArticles)).toEqual([{ consignment: { ref: 'CON-0001' } }]);
  });

  it('consignments finds by filter and not by a non-matching one', async () => {
    // ORDER::CC books a new consignment at once with the demo carrier: CREATED → PROCESSING → ACTIVE_LODGED.
    const d = await h.ok(`{
      byReference: consignments(consignmentReference: ["ST0000001"]) { edges { node { ref } } }
      byLabel: consignments(trackingLabel: ["ST0000001AU"], status: ["ACTIVE_LODGED"]) { edges { node { ref } } }
      wrong: consignments(consignmentReference: ["ST0000001"], status: ["DELIVERED"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byReference)).toEqual(['CON-0001']);
    expect(pluck(d.byLabel)).toEqual(['CON-0001']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('consignmentArticleById(article, consignment) and consignmentArticles return the join record', async () => {
    const d = await h.ok(
      `query ($article: ID!, $consignment: ID!) {
      consignmentArticleById(article: { id: $article }, consignment: { id: $consignment }) { article { ref weight } consignment { ref consignmentReference } }
      wrongPair: consignmentArticleById(article: { id: "999" }, consignment: { id: $consignment }) { article { ref } }
      consignmentArticles(first: 10) { edges { node { article { ref } consignment { ref } } } }
    }`,
      { article: ids['article'], consignment: ids['consignment'] },
    );
    expect(d.consignmentArticleById).toEqual({
      article: { ref: 'ART-0001', weight: 1.5 },
      consignment: { ref: 'CON-0001', consignmentReference: 'ST0000001' },
    });
    expect(d.wrongPair).toBeNull();
    expect(nodes(d.consignmentArticles)).toEqual([{ article: { ref: 'ART-0001' }, consignment: { ref: 'CON-0001' } }]);
  });

  it('updateConsignment changes status and tracking label', async () => {
    const { updateConsignment: u } = await h.ok(
      `mutation ($id: ID!) { updateConsignment(input: { id: $id, status: "DISPATCHED", trackingLabel: "ST0000001AU-2" }) { ref status trackingLabel } }`,
      { id: ids['consignment'] },
    );
    expect(u).toEqual({ ref: 'CON-0001', status: 'DISPATCHED', trackingLabel: 'ST0000001AU-2' });
    const d = await h.ok(
      `query ($id: ID!) { consignmentById(id: $id) { status } dispatched: consignments(status: ["DISPATCHED"]) { edges { node { ref } } } }`,
      { id: ids['consignment'] },
    );
    expect(d.consignmentById).toEqual({ status: 'DISPATCHED' });
    expect(pluck(d.dispatched)).toEqual(['CON-0001']);
  });
});

describe('articlesByLocation', () => {
  it('finds articles by the location their fulfilments ship from, the order and the customer', async () => {
    const d = await h.ok(`{
      byLocation: articlesByLocation(fromLocation: [{ ref: "LOC_MEL_STORE" }]) { edges { node { ref } } }
      byOrder: articlesByLocation(orderRef: ["CC-0100"], orderType: ["CC"]) { edges { node { ref } } }
      byCustomer: articlesByLocation(customerEmail: "jane.citizen@example.com", customerLastName: "Citizen") { edges { node { ref } } }
      byConsignment: articlesByLocation(consignmentStatus: ["DISPATCHED"], carrierName: "StarTrack Express") { edges { node { ref } } }
      byStatus: articlesByLocation(status: ["PACKED"], retailerId: [1]) { edges { node { ref } } }
      otherLocation: articlesByLocation(fromLocation: [{ ref: "LOC_SYD_STORE" }]) { edges { node { ref } } }
      otherOrder: articlesByLocation(orderRef: ["HD-9999"]) { edges { node { ref } } }
      otherCustomer: articlesByLocation(customerEmail: "sam.buyer@example.com") { edges { node { ref } } }
    }`);
    for (const key of ['byLocation', 'byOrder', 'byCustomer', 'byConsignment', 'byStatus']) expect(pluck(d[key]), key).toEqual(['ART-0001']);
    for (const key of ['otherLocation', 'otherOrder', 'otherCustomer']) expect(pluck(d[key]), key).toEqual([]);
  });
});

describe('carrier consignments', () => {
  it('createCarrierConsignment consigns the article with a carrier', async () => {
    const { createCarrierConsignment: c } = await h.ok(
      `mutation ($carrier: ID!, $article: ID!) {
      createCarrierConsignment(input: { ref: "CCON-0001", consignmentReference: "ST-BATCH-1", trackingLabel: "STB1", carrier: { id: $carrier }, retailer: { id: "1" },
        carrierConsignmentArticles: [{ article: { id: $article } }], attributes: [{ name: "service", type: "STRING", value: "EXP" }] }) {
        id ref consignmentReference trackingLabel status createdOn carrier { ref } retailer { id } attributes { name value }
        carrierConsignmentArticles { edges { node { article { ref } carrierConsignment { ref } } } }
      }
    }`,
      { carrier: ids['carrier'], article: ids['article'] },
    );
    expect(c).toMatchObject({
      ref: 'CCON-0001',
      consignmentReference: 'ST-BATCH-1',
      trackingLabel: 'STB1',
      status: 'CREATED',
      createdOn: NOW,
      carrier: { ref: 'STARTRACK' },
      retailer: { id: RETAILER_ID },
      attributes: [{ name: 'service', value: 'EXP' }],
    });
    expect(nodes(c.carrierConsignmentArticles)).toEqual([{ article: { ref: 'ART-0001' }, carrierConsignment: { ref: 'CCON-0001' } }]);
  });

  it('a carrier consignment has its non-null workflowRef / workflowVersion', async () => {
    const { carrierConsignment } = await h.ok(`{ carrierConsignment(ref: "CCON-0001") { workflowRef workflowVersion } }`);
    expect(carrierConsignment.workflowRef).toMatch(/^[A-Z_]+::/);
    expect(Number.isInteger(carrierConsignment.workflowVersion)).toBe(true);
  });

  it('carrierConsignment(ref) returns it; the carrier and article list it', async () => {
    const d = await h.ok(
      `query ($article: ID!) {
      carrierConsignment(ref: "CCON-0001") { ref trackingLabel carrier { name } }
      carrier(ref: "STARTRACK") { carrierConsignments { edges { node { ref } } } }
      articleById(id: $article) { carrierConsignmentArticles { edges { node { carrierConsignment { ref } } } } }
      missing: carrierConsignment(ref: "NOPE") { ref }
    }`,
      { article: ids['article'] },
    );
    expect(d.carrierConsignment).toEqual({ ref: 'CCON-0001', trackingLabel: 'STB1', carrier: { name: 'StarTrack Express' } });
    expect(pluck(d.carrier.carrierConsignments)).toEqual(['CCON-0001']);
    expect(nodes(d.articleById.carrierConsignmentArticles)).toEqual([{ carrierConsignment: { ref: 'CCON-0001' } }]);
    expect(d.missing).toBeNull();
  });

  it('carrierConsignments finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byReference: carrierConsignments(consignmentReference: ["ST-BATCH-1"]) { edges { node { ref } } }
      wrong: carrierConsignments(ref: ["CCON-0001"], trackingLabel: ["OTHER"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byReference)).toEqual(['CCON-0001']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('carrierConsignmentArticleById(article, carrierConsignment) and carrierConsignmentArticles return the join record', async () => {
    const d = await h.ok(
      `query ($article: ID!) {
      carrierConsignmentArticleById(article: { id: $article }, carrierConsignment: { ref: "CCON-0001" }) { article { ref } carrierConsignment { ref consignmentReference } }
      wrongPair: carrierConsignmentArticleById(article: { id: $article }, carrierConsignment: { ref: "NOPE" }) { article { ref } }
      carrierConsignmentArticles(first: 10) { edges { node { article { ref } carrierConsignment { ref } } } }
    }`,
      { article: ids['article'] },
    );
    expect(d.carrierConsignmentArticleById).toEqual({
      article: { ref: 'ART-0001' },
      carrierConsignment: { ref: 'CCON-0001', consignmentReference: 'ST-BATCH-1' },
    });
    expect(d.wrongPair).toBeNull();
    expect(nodes(d.carrierConsignmentArticles)).toEqual([{ article: { ref: 'ART-0001' }, carrierConsignment: { ref: 'CCON-0001' } }]);
  });

  it('updateCarrierConsignment (keyed by ref) changes the status', async () => {
    const { updateCarrierConsignment: u } = await h.ok(
      `mutation { updateCarrierConsignment(input: { ref: "CCON-0001", status: "MANIFESTED", labelUrl: "https://labels.example/STB1.pdf" }) { ref status labelUrl } }`,
    );
    expect(u).toEqual({ ref: 'CCON-0001', status: 'MANIFESTED', labelUrl: 'https://labels.example/STB1.pdf' });
    const d = await h.ok(`{ carrierConsignment(ref: "CCON-0001") { status } carrierConsignments(status: ["MANIFESTED"]) { edges { node { ref } } } }`);
    expect(d.carrierConsignment).toEqual({ status: 'MANIFESTED' });
    expect(pluck(d.carrierConsignments)).toEqual(['CCON-0001']);
  });
});

describe('manifests', () => {
  it('createManifest manifests carrier consignments at a location', async () => {
    const { createManifest: m } = await h.ok(`mutation {
      createManifest(input: { ref: "MAN-0001", name: "Melbourne evening pickup", type: "DEFAULT", carrier: { ref: "STARTRACK" }, location: { ref: "LOC_MEL_STORE" },
        carrierConsignments: [{ ref: "CCON-0001" }], carrierManifestLink: "https://carrier.example/manifests/0001" }) {
        id ref name type status createdOn carrierManifestLink carrier { ref } location { ref } carrierConsignments { edges { node { ref } } }
      }
    }`);
    expect(m).toMatchObject({
      ref: 'MAN-0001',
      name: 'Melbourne evening pickup',
      type: 'DEFAULT',
      status: 'CREATED',
      createdOn: NOW,
      carrierManifestLink: 'https://carrier.example/manifests/0001',
      carrier: { ref: 'STARTRACK' },
      location: { ref: 'LOC_MEL_STORE' },
    });
    expect(pluck(m.carrierConsignments)).toEqual(['CCON-0001']);
  });

  it('a manifest has its non-null workflowRef / workflowVersion', async () => {
    const { manifest } = await h.ok(`{ manifest(ref: "MAN-0001") { workflowRef workflowVersion } }`);
    expect(manifest).toEqual({ workflowRef: expect.stringMatching(/^[A-Z_]+::DEFAULT$/), workflowVersion: expect.any(Number) });
  });

  it('manifest(ref) returns it; the location and carrier consignment list it', async () => {
    const d = await h.ok(`{
      manifest(ref: "MAN-0001") { ref name carrier { name } }
      location(ref: "LOC_MEL_STORE") { manifests { edges { node { ref } } } }
      carrierConsignment(ref: "CCON-0001") { manifests { edges { node { ref } } } }
      missing: manifest(ref: "NOPE") { ref }
    }`);
    expect(d.manifest).toEqual({ ref: 'MAN-0001', name: 'Melbourne evening pickup', carrier: { name: 'StarTrack Express' } });
    expect(pluck(d.location.manifests)).toEqual(['MAN-0001']);
    expect(pluck(d.carrierConsignment.manifests)).toEqual(['MAN-0001']);
    expect(d.missing).toBeNull();
  });

  it("carrier.manifests lists the carrier's manifests", async () => {
    const { carrier } = await h.ok(`{ carrier(ref: "STARTRACK") { manifests { ref } } }`);
    expect(carrier.manifests).toEqual([{ ref: 'MAN-0001' }]);
  });

  it('manifests finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byLink: manifests(carrierManifestLink: ["https://carrier.example/manifests/0001"]) { edges { node { ref } } }
      byName: manifests(name: ["Melbourne evening pickup"], type: ["DEFAULT"]) { edges { node { ref } } }
      wrong: manifests(ref: ["MAN-0001"], status: ["CLOSED"]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byLink)).toEqual(['MAN-0001']);
    expect(pluck(d.byName)).toEqual(['MAN-0001']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateManifest (keyed by ref) changes status and name', async () => {
    const { updateManifest: u } = await h.ok(
      `mutation { updateManifest(input: { ref: "MAN-0001", status: "CLOSED", name: "Melbourne 5pm pickup" }) { ref status name } }`,
    );
    expect(u).toEqual({ ref: 'MAN-0001', status: 'CLOSED', name: 'Melbourne 5pm pickup' });
    const d = await h.ok(`{ manifest(ref: "MAN-0001") { status name } closed: manifests(status: ["CLOSED"]) { edges { node { ref } } } }`);
    expect(d.manifest).toEqual({ status: 'CLOSED', name: 'Melbourne 5pm pickup' });
    expect(pluck(d.closed)).toEqual(['MAN-0001']);
  });
});

describe('waves', () => {
  it('createWave groups fulfilments at a location for a picker', async () => {
    const { createWave: w } = await h.ok(
      `mutation ($loc: ID!, $f1: ID!, $f2: ID!, $admin: ID!) {
      createWave(input: { ref: "WAVE-0001", name: "Morning wave", type: "DEFAULT", retailer: { id: "1" }, location: { id: $loc }, fulfilments: [{ id: $f1 }, { id: $f2 }], allocatedTo: { id: $admin },
        attributes: [{ name: "shift", type: "STRING", value: "AM" }] }) {
        id ref name type status workflowRef workflowVersion createdOn retailer { id } location { ref } allocatedTo { username } attributes { name value }
        fulfilments { edges { node { ref } } }
      }
    }`,
      { loc: ids['mel'], f1: ids['f1'], f2: ids['f2'], admin: ids['admin'] },
    );
    expect(w).toMatchObject({
      ref: 'WAVE-0001',
      name: 'Morning wave',
      type: 'DEFAULT',
      status: 'CREATED',
      workflowRef: 'WAVE::DEFAULT',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
      retailer: { id: RETAILER_ID },
      location: { ref: 'LOC_MEL_STORE' },
      allocatedTo: { username: 'admin' },
      attributes: [{ name: 'shift', value: 'AM' }],
    });
    expect(pluck(w.fulfilments).sort()).toEqual(['CC-0100-PACK-1', 'CC-0100-PACK-2']);
    ids['wave'] = w.id;
  });

  it("a wave's processingLocation is its location; a fulfilment lists its waves", async () => {
    const d = await h.ok(
      `query ($id: ID!, $f1: ID!) { waveById(id: $id) { processingLocation { ref } } fulfilmentById(id: $f1) { waves { edges { node { ref } } } } }`,
      { id: ids['wave'], f1: ids['f1'] },
    );
    expect(pluck(d.fulfilmentById.waves)).toEqual(['WAVE-0001']);
    expect(d.waveById.processingLocation).toEqual({ ref: 'LOC_MEL_STORE' });
  });

  it('waveById and wave(id) return it with its items (products and quantities of its fulfilments)', async () => {
    const d = await h.ok(
      `query ($id: ID!) {
      waveById(id: $id) { id ref name items { edges { node { product { ref } quantity } } } }
      wave(id: $id) { ref location { ref } }
      missing: wave(id: "999") { id }
    }`,
      { id: ids['wave'] },
    );
    expect(d.waveById).toMatchObject({ id: ids['wave'], ref: 'WAVE-0001', name: 'Morning wave' });
    expect(nodes(d.waveById.items).sort((a, b) => a.product.ref.localeCompare(b.product.ref))).toEqual([
      { product: { ref: 'RUNNER-42' }, quantity: 1 },
      { product: { ref: 'TSHIRT-BLK-M' }, quantity: 2 },
    ]);
    expect(d.wave).toEqual({ ref: 'WAVE-0001', location: { ref: 'LOC_MEL_STORE' } });
    expect(d.missing).toBeNull();
  });

  it('waveItems searches wave items by quantity', async () => {
    const d = await h.ok(
      `{ two: waveItems(quantity: [2]) { edges { node { product { ref } quantity } } } none: waveItems(quantity: [99]) { edges { node { quantity } } } }`,
    );
    expect(nodes(d.two)).toEqual([{ product: { ref: 'TSHIRT-BLK-M' }, quantity: 2 }]);
    expect(nodes(d.none)).toEqual([]);
  });

  it('waves finds by filter and not by a non-matching one', async () => {
    const d = await h.ok(`{
      byRef: waves(ref: ["WAVE-0001"]) { edges { node { ref } } }
      byRetailer: waves(retailerId: [1], type: ["DEFAULT"], name: ["Morning wave"]) { edges { node { ref } } }
      wrong: waves(ref: ["WAVE-0001"], status: ["COMPLETE"]) { edges { node { ref } } }
      wrongRetailer: waves(retailerId: [99]) { edges { node { ref } } }
    }`);
    expect(pluck(d.byRef)).toEqual(['WAVE-0001']);
    expect(pluck(d.byRetailer)).toEqual(['WAVE-0001']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.wrongRetailer)).toEqual([]);
  });

  it('waves filters by processingLocation', async () => {
    const d = await h.ok(`{
      here: waves(processingLocation: { ref: "LOC_MEL_STORE" }) { edges { node { ref } } }
      elsewhere: waves(processingLocation: { ref: "LOC_SYD_STORE" }) { edges { node { ref } } }
    }`);
    expect(pluck(d.here)).toEqual(['WAVE-0001']);
    expect(pluck(d.elsewhere)).toEqual([]);
  });

  it('updateWave changes status and name', async () => {
    const { updateWave: u } = await h.ok(
      `mutation ($id: ID!) { updateWave(input: { id: $id, status: "IN_PROGRESS", name: "Morning wave (late)" }) { ref status name } }`,
      { id: ids['wave'] },
    );
    expect(u).toEqual({ ref: 'WAVE-0001', status: 'IN_PROGRESS', name: 'Morning wave (late)' });
    const d = await h.ok(`{ waves(status: ["IN_PROGRESS"]) { edges { node { ref name } } } }`);
    expect(nodes(d.waves)).toEqual([{ ref: 'WAVE-0001', name: 'Morning wave (late)' }]);
  });

  it('removeFulfilmentsFromWave takes the fulfilment out of the wave', async () => {
    const { removeFulfilmentsFromWave: r } = await h.ok(
      `mutation ($wave: ID!, $f2: ID!) {
      removeFulfilmentsFromWave(input: { wave: { id: $wave }, fulfilments: [{ id: $f2 }] }) { status }
    }`,
      { wave: ids['wave'], f2: ids['f2'] },
    );
    expect(typeof r.status).toBe('string');
    const d = await h.ok(
      `query ($id: ID!, $f2: ID!) { waveById(id: $id) { fulfilments { edges { node { ref } } } } fulfilmentById(id: $f2) { waves { edges { node { ref } } } } }`,
      { id: ids['wave'], f2: ids['f2'] },
    );
    expect(pluck(d.waveById.fulfilments)).toEqual(['CC-0100-PACK-1']);
    expect(pluck(d.fulfilmentById.waves)).toEqual([]);
  });
});

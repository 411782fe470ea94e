/**
 * `fluent-sim pull`: reads an account through its public APIs and writes a seed file that
 * `--seed FILE` loads, so a test environment starts from a copy of a real account. What it reads:
 * retailers, locations (addresses, opening hours, networks), networks, product catalogues,
 * categories, standard and variant products (prices, tax, categories), inventory catalogues,
 * positions (up to `maxPositions`) with their quantities, virtual catalogues, settings, and the
 * latest version of every workflow it can find; orders and customers only when asked for.
 *
 * Each entity becomes the create mutation a client would send, so loading the file runs the same
 * code, validation and workflows as the API. Ids are not copied: references use refs where the
 * inputs take keys, and `$name.id` substitutions where they take ids.
 *
 * Which workflows exist is not listed by any public API [inferred]: pull asks for
 * `<ENTITY>::<TYPE>` of every entity type and subtype it saw, plus the reference workflows' names.
 */
import type { SeedFile, SeedStep } from '../seed/load-seed.js';
import type { RemoteAccount } from './remote-account.js';

export type PullOptions = {
  /** Inventory positions read at most. @default 10000 */
  maxPositions?: number;
  /** Orders (with their customers) read; 0 reads none. @default 0 */
  orders?: number;
  /** Keep setting values whose name suggests a secret. @default false */
  includeSecrets?: boolean;
  onProgress?: (what: string, count: number) => void;
};

export type PulledSeed = SeedFile & { workflows: Record<string, unknown>[] };

type Attribute = { name: string; type: string; value: unknown };
type Link = { id: string; ref?: string } | null;
type Edges<T> = { edges: { node: T }[] } | null;

const ATTRIBUTES = 'attributes { name type value }';
const MASK = '********';
const SECRET = /secret|password|token|api[-_.]?key|private|credential/i;

/** Workflow names of Fluent's reference modules, asked for even when no entity of them was seen. */
const KNOWN_WORKFLOWS = [
  'ORDER::HD',
  'ORDER::CC',
  'ORDER::MULTI',
  'LOCATION::STORE',
  'LOCATION::WAREHOUSE',
  'PRODUCT_CATALOGUE::MASTER',
  'INVENTORY_CATALOGUE::DEFAULT',
  'VIRTUAL_CATALOGUE::BASE',
  'VIRTUAL_CATALOGUE::DEFAULT',
  'CONTROL_GROUP::BASE',
  'RETURN_ORDER::DEFAULT',
  'BILLING_ACCOUNT::CUSTOMER',
  'FULFILMENT_OPTIONS::HD',
  'FULFILMENT_OPTIONS::CC',
];

export async function pullAccount(remote: RemoteAccount, options: PullOptions = {}): Promise<PulledSeed> {
  const progress = options.onProgress ?? (() => undefined);
  const steps: SeedStep[] = [];
  const seen = new Set<string>();
  // Connections answer newest first: reversed, entities are created in their original order, so
  // the copy's ids follow the same order (retailer 1 stays retailer 1).
  const read = async <T>(field: string, selection: string, max?: number, args?: string): Promise<T[]> =>
    (await remote.all<T>(field, selection, { ...(max === undefined ? {} : { max }), ...(args ? { args } : {}), onPage: (n) => progress(field, n) })).reverse();

  const retailers = (
    await read<Record<string, unknown> & { id: string }>(
      'retailers',
      'id ref tradingName summary websiteUrl websiteUrlName primaryEmail supportContactName supportEmail supportPhone',
    )
  ).sort((x, y) => Number(x.id) - Number(y.id) || 0);
  const retailerStep = new Map<string, string>();
  for (const r of retailers) {
    const as = `retailer_${r.id}`;
    retailerStep.set(r.id, as);
    steps.push({
      mutation: 'createRetailer',
      as,
      input: compact({
        name: r['ref'],
        tradingName: r['tradingName'],
        summary: r['summary'],
        websiteUrl: r['websiteUrl'],
        urlName: r['websiteUrlName'],
        primaryEmail: r['primaryEmail'],
        supportContactName: r['supportContactName'],
        supportEmail: r['supportEmail'],
        supportPhone: r['supportPhone'],
      }),
    });
  }
  const retailerRef = (link: Link): { id: string } | undefined => (link && retailerStep.has(link.id) ? { id: `$${retailerStep.get(link.id)}.id` } : undefined);

  const locations = await read<LocationNode>(
    'locations',
    `id ref type status name supportPhoneNumber defaultCarrier ${ATTRIBUTES} retailer { id }
     primaryAddress { ... on StoreAddress { ref companyName name street street2 city state postcode region country latitude longitude timeZone email } }
     openingSchedule { allHours monStart monEnd tueStart tueEnd wedStart wedEnd thuStart thuEnd friStart friEnd satStart satEnd sunStart sunEnd }`,
  );
  const locationStep = new Map<string, string>();
  for (const l of locations) {
    seen.add(`LOCATION::${l.type}`);
    const as = `location_${l.id}`;
    locationStep.set(l.id, as);
    const address = {
      ...(l.primaryAddress ?? {}),
      ref: l.primaryAddress?.ref ?? `${l.ref}-address`,
      latitude: l.primaryAddress?.latitude ?? 0,
      longitude: l.primaryAddress?.longitude ?? 0,
    };
    steps.push({
      mutation: 'createLocation',
      as,
      input: compact({
        ref: l.ref,
        type: l.type,
        name: l.name,
        supportPhoneNumber: l.supportPhoneNumber,
        defaultCarrier: l.defaultCarrier,
        attributes: l.attributes,
        retailer: retailerRef(l.retailer),
        primaryAddress: compact(address),
        openingSchedule: l.openingSchedule ?? ALL_HOURS,
      }),
    });
  }

  // The platform raises no CREATE event for locations (fluent-platform.md §3), so their status is
  // copied as it is; orchestrated entities reach theirs through the copy's own workflows.
  for (const l of locations)
    if (l.status && l.status !== 'CREATED') steps.push({ mutation: 'updateLocation', input: { id: `$${locationStep.get(l.id)}.id`, status: l.status } });

  const networks = await read<{
    id: string;
    ref: string;
    type: string | null;
    attributes: Attribute[] | null;
    retailers: Edges<{ id: string }>;
    locations: Edges<{ id: string }>;
  }>('networks', `id ref type ${ATTRIBUTES} retailers(first: 100) { edges { node { id } } } locations(first: 500) { edges { node { id } } }`);
  const networkStep = new Map<string, string>();
  for (const n of networks) {
    networkStep.set(n.id, `network_${n.id}`);
    steps.push({
      mutation: 'createNetwork',
      as: `network_${n.id}`,
      input: compact({
        name: n.ref,
        type: n.type,
        attributes: n.attributes,
        retailers: nodes(n.retailers).flatMap((r) => retailerRef(r) ?? []),
        locations: nodes(n.locations).flatMap((l) => (locationStep.has(l.id) ? [{ id: `$${locationStep.get(l.id)}.id` }] : [])),
      }),
    });
  }

  const catalogues = await read<{
    ref: string;
    type: string;
    name: string;
    description: string | null;
    retailerRefs: string[] | null;
    attributes: Attribute[] | null;
  }>('productCatalogues', `ref type name description retailerRefs ${ATTRIBUTES}`);
  for (const c of catalogues) {
    seen.add(`PRODUCT_CATALOGUE::${c.type}`);
    steps.push({
      mutation: 'createProductCatalogue',
      input: compact({ ref: c.ref, type: c.type, name: c.name, description: c.description, retailerRefs: c.retailerRefs, attributes: c.attributes }),
    });
  }

  const categories = await read<CategoryNode>('categories', `ref type name summary ${ATTRIBUTES} catalogue { ref } parentCategory { ref }`);
  for (const c of parentsFirst(categories)) {
    steps.push({
      mutation: 'createCategory',
      input: compact({
        ref: c.ref,
        type: c.type,
        name: c.name,
        summary: c.summary,
        attributes: c.attributes,
        catalogue: { ref: c.catalogue.ref },
        parentCategory: c.parentCategory ? { ref: c.parentCategory.ref, catalogue: { ref: c.catalogue.ref } } : undefined,
      }),
    });
  }

  const productFields = `ref type name gtin summary ${ATTRIBUTES} catalogue { ref } prices { type currency value } tax { country group tariff } categories(first: 100) { edges { node { ref } } }`;
  const standard = await read<ProductNode>('standardProducts', productFields);
  for (const p of standard) steps.push({ mutation: 'createStandardProduct', input: productInput(p) });
  const variants = await read<ProductNode & { product: { ref: string } | null }>('variantProducts', `${productFields} product { ref }`);
  for (const p of variants)
    steps.push({
      mutation: 'createVariantProduct',
      input: compact({ ...productInput(p), product: p.product ? { ref: p.product.ref, catalogue: { ref: p.catalogue.ref } } : undefined }),
    });

  const inventoryCatalogues = await read<{
    ref: string;
    type: string;
    name: string;
    description: string | null;
    retailerRefs: string[] | null;
    attributes: Attribute[] | null;
  }>('inventoryCatalogues', `ref type name description retailerRefs ${ATTRIBUTES}`);
  for (const c of inventoryCatalogues) {
    seen.add(`INVENTORY_CATALOGUE::${c.type}`);
    steps.push({
      mutation: 'createInventoryCatalogue',
      input: compact({ ref: c.ref, type: c.type, name: c.name, description: c.description, retailerRefs: c.retailerRefs, attributes: c.attributes }),
    });
  }

  const positions = await read<PositionNode>(
    'inventoryPositions',
    `ref type productRef locationRef onHand ${ATTRIBUTES} catalogue { ref } quantities(first: 100) { edges { node { ref type quantity condition expectedOn storageAreaRef ${ATTRIBUTES} } } }`,
    options.maxPositions ?? 10_000,
  );
  for (const p of positions) {
    steps.push({
      mutation: 'createInventoryPosition',
      input: compact({
        ref: p.ref,
        type: p.type,
        productRef: p.productRef,
        locationRef: p.locationRef,
        onHand: p.onHand,
        attributes: p.attributes,
        catalogue: { ref: p.catalogue.ref },
      }),
    });
    for (const q of nodes(p.quantities)) {
      steps.push({
        mutation: 'createInventoryQuantity',
        input: compact({
          ref: q.ref,
          type: q.type,
          quantity: q.quantity ?? 0,
          condition: q.condition,
          expectedOn: q.expectedOn,
          storageAreaRef: q.storageAreaRef,
          attributes: q.attributes,
          catalogue: { ref: p.catalogue.ref },
          position: { ref: p.ref, catalogue: { ref: p.catalogue.ref } },
        }),
      });
    }
  }

  const virtualCatalogues = await read<Record<string, unknown> & { type: string; networkIds: string[] | null }>(
    'virtualCatalogues',
    `ref type name description inventoryCatalogueRef productCatalogueRef networkIds controlGroupRef retailerRefs ${ATTRIBUTES}`,
  );
  for (const v of virtualCatalogues) {
    seen.add(`VIRTUAL_CATALOGUE::${v.type}`);
    const networkIds = (v.networkIds ?? []).flatMap((id) => (networkStep.has(id) ? [`$${networkStep.get(id)}.id`] : []));
    steps.push({ mutation: 'createVirtualCatalogue', input: compact({ ...v, networkIds }) });
  }

  const settings = await read<{ name: string; valueType: string; value: string | null; lobValue: unknown; context: string; contextId: number }>(
    'settings',
    'name valueType value lobValue context contextId',
  );
  const retailerIndex = new Map(retailers.map((r, i) => [Number(r.id), i + 1]));
  for (const s of settings) {
    const secret = !options.includeSecrets && SECRET.test(s.name);
    // Retailer-context settings follow their retailer's new id (retailers are created in order, from 1).
    const contextId = s.context === 'RETAILER' ? (retailerIndex.get(s.contextId) ?? s.contextId) : s.contextId;
    steps.push({
      mutation: 'createSetting',
      input: compact({
        name: s.name,
        valueType: s.valueType,
        value: secret && s.value !== null ? MASK : s.value,
        lobValue: secret && s.lobValue != null ? MASK : s.lobValue,
        context: s.context,
        contextId,
      }),
    });
  }

  if (options.orders) await pullOrders(read, options.orders, steps, seen, retailerRef);

  const workflows: Record<string, unknown>[] = [];
  const names = [...new Set([...seen, ...KNOWN_WORKFLOWS])].sort();
  for (const r of retailers) {
    for (const name of names) {
      const workflow = await remote.workflow(r.id, name);
      if (workflow) workflows.push({ ...workflow, retailerId: String(retailerIndex.get(Number(r.id)) ?? r.id) });
    }
    progress('workflows', workflows.length);
  }
  return { description: `Pulled by fluent-sim pull: ${steps.length} steps, ${workflows.length} workflows.`, steps, workflows };
}

type LocationNode = {
  id: string;
  ref: string;
  type: string;
  status: string | null;
  name: string;
  supportPhoneNumber: string | null;
  defaultCarrier: string | null;
  attributes: Attribute[] | null;
  retailer: Link;
  primaryAddress: (Record<string, unknown> & { ref?: string; latitude?: number; longitude?: number }) | null;
  openingSchedule: Record<string, unknown> | null;
};
type CategoryNode = {
  ref: string;
  type: string;
  name: string;
  summary: string | null;
  attributes: Attribute[] | null;
  catalogue: { ref: string };
  parentCategory: { ref: string } | null;
};
type ProductNode = {
  ref: string;
  type: string;
  name: string;
  gtin: string;
  summary: string | null;
  attributes: Attribute[] | null;
  catalogue: { ref: string };
  prices: { type: string; currency: string; value: number }[] | null;
  tax: { country: string; group: string; tariff: string | null } | null;
  categories: Edges<{ ref: string }>;
};
type PositionNode = {
  ref: string;
  type: string;
  productRef: string;
  locationRef: string;
  onHand: number | null;
  attributes: Attribute[] | null;
  catalogue: { ref: string };
  quantities: Edges<{
    ref: string;
    type: string;
    quantity: number | null;
    condition: string | null;
    expectedOn: string | null;
    storageAreaRef: string | null;
    attributes: Attribute[] | null;
  }>;
};

const ALL_HOURS = {
  allHours: true,
  monStart: 0,
  monEnd: 0,
  tueStart: 0,
  tueEnd: 0,
  wedStart: 0,
  wedEnd: 0,
  thuStart: 0,
  thuEnd: 0,
  friStart: 0,
  friEnd: 0,
  satStart: 0,
  satEnd: 0,
  sunStart: 0,
  sunEnd: 0,
};

function productInput(p: ProductNode): Record<string, unknown> {
  return compact({
    ref: p.ref,
    type: p.type,
    name: p.name,
    gtin: p.gtin,
    summary: p.summary,
    attributes: p.attributes,
    catalogue: { ref: p.catalogue.ref },
    prices: p.prices,
    taxType: p.tax ? { country: p.tax.country, group: p.tax.group, tariff: p.tax.tariff ?? '' } : undefined,
    categories: nodes(p.categories).map((c) => ({ ref: c.ref, catalogue: { ref: p.catalogue.ref } })),
  });
}

async function pullOrders(
  read: <T>(field: string, selection: string, max?: number) => Promise<T[]>,
  max: number,
  steps: SeedStep[],
  seen: Set<string>,
  retailerRef: (link: Link) => { id: string } | undefined,
): Promise<void> {
  type OrderNode = {
    ref: string;
    type: string;
    totalPrice: number | null;
    totalTaxPrice: number | null;
    attributes: Attribute[] | null;
    retailer: Link;
    customer: (Record<string, unknown> & { id: string; username: string }) | null;
    items: Edges<{
      ref: string;
      product: { ref: string; catalogue: { ref: string } } | null;
      quantity: number;
      price: number | null;
      paidPrice: number | null;
      totalPrice: number | null;
      currency: string | null;
    }>;
  };
  const orders = await read<OrderNode>(
    'orders',
    `ref type totalPrice totalTaxPrice ${ATTRIBUTES} retailer { id }
     customer { id username firstName lastName primaryEmail primaryPhone timezone promotionOptIn }
     items(first: 500) { edges { node { ref product { ref catalogue { ref } } quantity price paidPrice totalPrice currency } } }`,
    max,
  );
  const customers = new Map<string, string>();
  for (const o of orders) {
    seen.add(`ORDER::${o.type}`);
    const c = o.customer;
    if (c && !customers.has(c.id)) {
      customers.set(c.id, `customer_${c.id}`);
      steps.push({
        mutation: 'createCustomer',
        as: `customer_${c.id}`,
        input: compact({
          username: c.username,
          firstName: c['firstName'],
          lastName: c['lastName'],
          primaryEmail: c['primaryEmail'],
          primaryPhone: c['primaryPhone'],
          timezone: c['timezone'] ?? 'UTC',
          promotionOptIn: c['promotionOptIn'] ?? false,
          retailer: retailerRef(o.retailer),
        }),
      });
    }
    steps.push({
      mutation: 'createOrder',
      input: compact({
        ref: o.ref,
        type: o.type,
        totalPrice: o.totalPrice,
        totalTaxPrice: o.totalTaxPrice,
        attributes: o.attributes,
        retailer: retailerRef(o.retailer),
        customer: c ? { id: `$${customers.get(c.id)}.id` } : undefined,
        items: nodes(o.items)
          .reverse()
          .map(({ product, ...item }) => compact({ ...item, productRef: product?.ref, productCatalogueRef: product?.catalogue.ref })),
      }),
    });
  }
}

/** Parents before children, so `parentCategory` always names a created category. */
function parentsFirst(categories: CategoryNode[]): CategoryNode[] {
  const byRef = new Map(categories.map((c) => [c.ref, c]));
  const out: CategoryNode[] = [];
  const done = new Set<string>();
  const visit = (c: CategoryNode, depth: number): void => {
    if (done.has(c.ref) || depth > categories.length) return;
    const parent = c.parentCategory ? byRef.get(c.parentCategory.ref) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(c.ref);
    out.push(c);
  };
  for (const c of categories) visit(c, 0);
  return out;
}

function nodes<T>(connection: Edges<T>): T[] {
  return connection?.edges.map((e) => e.node) ?? [];
}

/** Drops null, undefined and empty-list values: an input without them is what a client sends. */
function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

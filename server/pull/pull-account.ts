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
  const pull = startPull(remote, options);
  await pullRetailers(pull);
  await pullLocations(pull);
  await pullNetworks(pull);
  await pullCatalogues(pull, 'productCatalogues', 'createProductCatalogue', 'PRODUCT_CATALOGUE');
  await pullCategories(pull);
  await pullProducts(pull);
  await pullCatalogues(pull, 'inventoryCatalogues', 'createInventoryCatalogue', 'INVENTORY_CATALOGUE');
  await pullPositions(pull, options.maxPositions ?? 10_000);
  await pullVirtualCatalogues(pull);
  await pullSettings(pull, options.includeSecrets ?? false);
  if (options.orders) await pullOrders(pull, options.orders);
  const workflows = await pullWorkflows(pull);
  return { description: `Pulled by fluent-sim pull: ${pull.steps.length} steps, ${workflows.length} workflows.`, steps: pull.steps, workflows };
}

/** What the steps of a pull share: the steps written so far and how the copy will name things. */
type Pull = {
  remote: RemoteAccount;
  progress: (what: string, count: number) => void;
  /** A root connection, read whole (or up to `max`), oldest first. */
  read<T>(field: string, selection: string, max?: number): Promise<T[]>;
  steps: SeedStep[];
  /** `<ENTITY>::<TYPE>` of the entities read: the workflows to ask for. */
  seen: Set<string>;
  /** Remote retailers, oldest first: the copy creates them in this order, so retailer n is the n-th. */
  retailers: { id: string }[];
  /** Remote id → the `as` name of its create step, for `$name.id` substitutions. */
  stepOf: Map<string, string>;
};

function startPull(remote: RemoteAccount, options: PullOptions): Pull {
  const progress = options.onProgress ?? (() => undefined);
  return {
    remote,
    progress,
    // Connections answer newest first: reversed, entities are created in their original order, so
    // the copy's ids follow the same order (retailer 1 stays retailer 1).
    read: async <T>(field: string, selection: string, max?: number): Promise<T[]> =>
      (await remote.all<T>(field, selection, { ...(max === undefined ? {} : { max }), onPage: (n) => progress(field, n) })).reverse(),
    steps: [],
    seen: new Set(),
    retailers: [],
    stepOf: new Map(),
  };
}

/** The `{id}` input naming an entity created by an earlier step, or undefined when it was not pulled. */
function idOf(pull: Pull, kind: string, link: Link): { id: string } | undefined {
  const as = link ? pull.stepOf.get(`${kind}:${link.id}`) : undefined;
  return as ? { id: `$${as}.id` } : undefined;
}

function remember(pull: Pull, kind: string, id: string): string {
  const as = `${kind}_${id}`;
  pull.stepOf.set(`${kind}:${id}`, as);
  return as;
}

async function pullRetailers(pull: Pull): Promise<void> {
  const retailers = await pull.read<Record<string, unknown> & { id: string }>(
    'retailers',
    'id ref tradingName summary websiteUrl websiteUrlName primaryEmail supportContactName supportEmail supportPhone',
  );
  retailers.sort((x, y) => Number(x.id) - Number(y.id) || 0);
  pull.retailers = retailers;
  for (const r of retailers) {
    pull.steps.push({
      mutation: 'createRetailer',
      as: remember(pull, 'retailer', r.id),
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
}

/** The copy's id of a remote retailer (retailers are created first, in order, from 1). */
function retailerNumber(pull: Pull, remoteId: number): number | undefined {
  const at = pull.retailers.findIndex((r) => Number(r.id) === remoteId);
  return at < 0 ? undefined : at + 1;
}

async function pullLocations(pull: Pull): Promise<void> {
  const locations = await pull.read<LocationNode>(
    'locations',
    `id ref type status name supportPhoneNumber defaultCarrier ${ATTRIBUTES} retailer { id }
     primaryAddress { ... on StoreAddress { ref companyName name street street2 city state postcode region country latitude longitude timeZone email } }
     openingSchedule { allHours monStart monEnd tueStart tueEnd wedStart wedEnd thuStart thuEnd friStart friEnd satStart satEnd sunStart sunEnd }`,
  );
  for (const l of locations) {
    pull.seen.add(`LOCATION::${l.type}`);
    const address = {
      ...(l.primaryAddress ?? {}),
      ref: l.primaryAddress?.ref ?? `${l.ref}-address`,
      latitude: l.primaryAddress?.latitude ?? 0,
      longitude: l.primaryAddress?.longitude ?? 0,
    };
    pull.steps.push({
      mutation: 'createLocation',
      as: remember(pull, 'location', l.id),
      input: compact({
        ref: l.ref,
        type: l.type,
        name: l.name,
        supportPhoneNumber: l.supportPhoneNumber,
        defaultCarrier: l.defaultCarrier,
        attributes: l.attributes,
        retailer: idOf(pull, 'retailer', l.retailer),
        primaryAddress: compact(address),
        openingSchedule: l.openingSchedule ?? ALL_HOURS,
      }),
    });
  }
  // The platform raises no CREATE event for locations (fluent-platform.md §3), so their status is
  // copied as it is; orchestrated entities reach theirs through the copy's own workflows.
  for (const l of locations) {
    if (l.status && l.status !== 'CREATED') pull.steps.push({ mutation: 'updateLocation', input: { id: idOf(pull, 'location', l)?.id, status: l.status } });
  }
}

async function pullNetworks(pull: Pull): Promise<void> {
  const networks = await pull.read<{
    id: string;
    ref: string;
    type: string | null;
    attributes: Attribute[] | null;
    retailers: Edges<{ id: string }>;
    locations: Edges<{ id: string }>;
  }>('networks', `id ref type ${ATTRIBUTES} retailers(first: 100) { edges { node { id } } } locations(first: 500) { edges { node { id } } }`);
  for (const n of networks) {
    pull.steps.push({
      mutation: 'createNetwork',
      as: remember(pull, 'network', n.id),
      input: compact({
        name: n.ref,
        type: n.type,
        attributes: n.attributes,
        retailers: nodes(n.retailers).flatMap((r) => idOf(pull, 'retailer', r) ?? []),
        locations: nodes(n.locations).flatMap((l) => idOf(pull, 'location', l) ?? []),
      }),
    });
  }
}

/** Product and inventory catalogues: the same fields, a different mutation. */
async function pullCatalogues(pull: Pull, field: string, mutation: string, entityType: string): Promise<void> {
  const catalogues = await pull.read<{
    ref: string;
    type: string;
    name: string;
    description: string | null;
    retailerRefs: string[] | null;
    attributes: Attribute[] | null;
  }>(field, `ref type name description retailerRefs ${ATTRIBUTES}`);
  for (const c of catalogues) {
    pull.seen.add(`${entityType}::${c.type}`);
    pull.steps.push({
      mutation,
      input: compact({ ref: c.ref, type: c.type, name: c.name, description: c.description, retailerRefs: c.retailerRefs, attributes: c.attributes }),
    });
  }
}

async function pullCategories(pull: Pull): Promise<void> {
  const categories = await pull.read<CategoryNode>('categories', `ref type name summary ${ATTRIBUTES} catalogue { ref } parentCategory { ref }`);
  for (const c of parentsFirst(categories)) {
    pull.steps.push({
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
}

async function pullProducts(pull: Pull): Promise<void> {
  const fields = `ref type name gtin summary ${ATTRIBUTES} catalogue { ref } prices { type currency value } tax { country group tariff } categories(first: 100) { edges { node { ref } } }`;
  for (const p of await pull.read<ProductNode>('standardProducts', fields)) pull.steps.push({ mutation: 'createStandardProduct', input: productInput(p) });
  for (const p of await pull.read<ProductNode & { product: { ref: string } | null }>('variantProducts', `${fields} product { ref }`)) {
    const product = p.product ? { ref: p.product.ref, catalogue: { ref: p.catalogue.ref } } : undefined;
    pull.steps.push({ mutation: 'createVariantProduct', input: compact({ ...productInput(p), product }) });
  }
}

async function pullPositions(pull: Pull, max: number): Promise<void> {
  const positions = await pull.read<PositionNode>(
    'inventoryPositions',
    `ref type productRef locationRef onHand ${ATTRIBUTES} catalogue { ref } quantities(first: 100) { edges { node { ref type quantity condition expectedOn storageAreaRef ${ATTRIBUTES} } } }`,
    max,
  );
  for (const p of positions) {
    const catalogue = { ref: p.catalogue.ref };
    pull.steps.push({
      mutation: 'createInventoryPosition',
      input: compact({ ref: p.ref, type: p.type, productRef: p.productRef, locationRef: p.locationRef, onHand: p.onHand, attributes: p.attributes, catalogue }),
    });
    for (const q of nodes(p.quantities)) {
      pull.steps.push({
        mutation: 'createInventoryQuantity',
        input: compact({
          ref: q.ref,
          type: q.type,
          quantity: q.quantity ?? 0,
          condition: q.condition,
          expectedOn: q.expectedOn,
          storageAreaRef: q.storageAreaRef,
          attributes: q.attributes,
          catalogue,
          position: { ref: p.ref, catalogue },
        }),
      });
    }
  }
}

async function pullVirtualCatalogues(pull: Pull): Promise<void> {
  const virtualCatalogues = await pull.read<Record<string, unknown> & { type: string; networkIds: string[] | null }>(
    'virtualCatalogues',
    `ref type name description inventoryCatalogueRef productCatalogueRef networkIds controlGroupRef retailerRefs ${ATTRIBUTES}`,
  );
  for (const v of virtualCatalogues) {
    pull.seen.add(`VIRTUAL_CATALOGUE::${v.type}`);
    const networkIds = (v.networkIds ?? []).flatMap((id) => idOf(pull, 'network', { id })?.id ?? []);
    pull.steps.push({ mutation: 'createVirtualCatalogue', input: compact({ ...v, networkIds }) });
  }
}

async function pullSettings(pull: Pull, includeSecrets: boolean): Promise<void> {
  const settings = await pull.read<{ name: string; valueType: string; value: string | null; lobValue: unknown; context: string; contextId: number }>(
    'settings',
    'name valueType value lobValue context contextId',
  );
  for (const s of settings) {
    const secret = !includeSecrets && SECRET.test(s.name);
    // Retailer-context settings follow their retailer's new id.
    const contextId = s.context === 'RETAILER' ? (retailerNumber(pull, s.contextId) ?? s.contextId) : s.contextId;
    pull.steps.push({
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
}

/** The latest version of each workflow name seen or known, per retailer, renumbered like its retailer. */
async function pullWorkflows(pull: Pull): Promise<Record<string, unknown>[]> {
  const workflows: Record<string, unknown>[] = [];
  const names = [...new Set([...pull.seen, ...KNOWN_WORKFLOWS])].sort();
  for (const r of pull.retailers) {
    for (const name of names) {
      const workflow = await pull.remote.workflow(r.id, name);
      if (workflow) workflows.push({ ...workflow, retailerId: String(retailerNumber(pull, Number(r.id)) ?? r.id) });
    }
    pull.progress('workflows', workflows.length);
  }
  return workflows;
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

async function pullOrders(pull: Pull, max: number): Promise<void> {
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
  const orders = await pull.read<OrderNode>(
    'orders',
    `ref type totalPrice totalTaxPrice ${ATTRIBUTES} retailer { id }
     customer { id username firstName lastName primaryEmail primaryPhone timezone promotionOptIn }
     items(first: 500) { edges { node { ref product { ref catalogue { ref } } quantity price paidPrice totalPrice currency } } }`,
    max,
  );
  for (const o of orders) {
    pull.seen.add(`ORDER::${o.type}`);
    const c = o.customer;
    if (c && !pull.stepOf.has(`customer:${c.id}`)) {
      pull.steps.push({
        mutation: 'createCustomer',
        as: remember(pull, 'customer', c.id),
        input: compact({
          username: c.username,
          firstName: c['firstName'],
          lastName: c['lastName'],
          primaryEmail: c['primaryEmail'],
          primaryPhone: c['primaryPhone'],
          timezone: c['timezone'] ?? 'UTC',
          promotionOptIn: c['promotionOptIn'] ?? false,
          retailer: idOf(pull, 'retailer', o.retailer),
        }),
      });
    }
    pull.steps.push({
      mutation: 'createOrder',
      input: compact({
        ref: o.ref,
        type: o.type,
        totalPrice: o.totalPrice,
        totalTaxPrice: o.totalTaxPrice,
        attributes: o.attributes,
        retailer: idOf(pull, 'retailer', o.retailer),
        customer: idOf(pull, 'customer', c),
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

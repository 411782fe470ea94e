/**
 * `searchVirtualInventory(virtualCatalogue, virtualPosition, productQuantities,
 * excludedLocationRefs, orderByProximity, first)`: "searches the virtual inventory to return
 * locations and available-to-sell stock for the requested products and their given quantities"
 * (schema description).
 *
 * Details:
 * - The virtual catalogue's positions are grouped by `groupRef`, which for BASE virtual positions
 *   is the location ref ("Group - reference to Location or Category", schema description; the
 *   docs query BASE positions with `groupRef: $locationRefs`,
 *   https://docs.fluentcommerce.com/essential-knowledge/graphql-all-in-one-inventory-queries).
 *   A position's `quantity` is its available-to-sell stock.
 * - A location is returned when, for every requested product, its positions' quantities add up to
 *   at least the requested quantity; each node lists those positions. Groups that name no
 *   location (category groups) and `excludedLocationRefs` are skipped. `virtualPosition.status`
 *   narrows the positions considered.
 * - With `orderByProximity`, nearest first by great-circle distance to the location's primary
 *   address (locations without coordinates last); without it, in location creation order (the
 *   platform promises "no specific order"). `first` limits the result (default: the page size).
 *
 * Gotchas: it reads stored virtual positions only, as the platform does; the inventory workflows
 * maintain them (InventoryChanged / UpdateOnHand / a new position's CREATE →
 * VirtualCatalogueEvent → CreateBaseVirtualPosition, for ACTIVE catalogues). A catalogue that is
 * not ACTIVE when stock arrives has none, and the answer is empty.
 */
import type { Domain } from '../../domain/domain.js';
import type { GraphQLContext } from '../context.js';
import { isLinkRef, linkTo, type EntityRecord } from '../../domain/store/store.js';
import { findRequired } from '../../domain/find-entity.js';
import { distanceKm, type GeoPoint } from './distance-km.js';
import type { ListPage } from './page-list.js';

type Args = {
  virtualCatalogue: { ref: string };
  virtualPosition?: { status?: string | null } | null;
  productQuantities: { productRef: string; quantity: number }[];
  excludedLocationRefs?: string[] | null;
  orderByProximity?: GeoPoint | null;
  first?: number | null;
};
type VirtualInventory = { location: EntityRecord; virtualPositions: EntityRecord[] };

export function searchVirtualInventory(_parent: unknown, a: Args, ctx: GraphQLContext): ListPage<VirtualInventory> {
  const { account } = ctx;
  const catalogue = findRequired(account, account.view, 'VirtualCatalogue', a.virtualCatalogue, 'searchVirtualInventory');
  const requested = totalsByProduct(a.productQuantities);
  const positions = account.store
    .linkedFrom(linkTo(catalogue), 'VirtualPosition')
    .filter((p) => requested.has(String(p['productRef'])))
    .filter((p) => a.virtualPosition?.status == null || p['status'] === a.virtualPosition.status);
  const excluded = new Set(a.excludedLocationRefs ?? []);
  const found: VirtualInventory[] = [];
  for (const [groupRef, group] of groupBy(positions, (p) => String(p['groupRef']))) {
    if (excluded.has(groupRef)) continue;
    const location = account.entities.findByKey(account.view, 'Location', { ref: groupRef });
    if (location && canFulfil(group, requested)) found.push({ location, virtualPositions: group });
  }
  const ordered = order(account, found, a.orderByProximity ?? undefined);
  const size = Math.min(a.first ?? account.paging.defaultPageSize, account.paging.maxPageSize);
  const page = ordered.slice(0, Math.max(0, size));
  return {
    edges: page.map((node) => ({ node, cursor: Buffer.from(`VirtualInventory:${String(node.location['ref'])}`).toString('base64') })),
    pageInfo: { hasNextPage: ordered.length > page.length, hasPreviousPage: false },
  };
}

/** Requested quantity per product ref (the same product asked twice adds up). */
function totalsByProduct(list: Args['productQuantities']): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { productRef, quantity } of list) totals.set(productRef, (totals.get(productRef) ?? 0) + quantity);
  return totals;
}

function groupBy(records: EntityRecord[], keyOf: (r: EntityRecord) => string): Map<string, EntityRecord[]> {
  const groups = new Map<string, EntityRecord[]>();
  for (const r of records) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return groups;
}

function canFulfil(group: EntityRecord[], requested: Map<string, number>): boolean {
  for (const [productRef, quantity] of requested) {
    const available = group.filter((p) => p['productRef'] === productRef).reduce((t, p) => t + (typeof p['quantity'] === 'number' ? p['quantity'] : 0), 0);
    if (available < quantity) return false;
  }
  return true;
}

function order(account: Domain, found: VirtualInventory[], origin: GeoPoint | undefined): VirtualInventory[] {
  const byCreation = [...found].sort((x, y) => Number(x.location.id) - Number(y.location.id));
  if (!origin) return byCreation;
  const distance = (v: VirtualInventory): number => {
    const address = isLinkRef(v.location['primaryAddress']) ? account.store.resolve(v.location['primaryAddress']) : undefined;
    const latitude = address?.['latitude'];
    const longitude = address?.['longitude'];
    return typeof latitude === 'number' && typeof longitude === 'number' ? distanceKm(origin, { latitude, longitude }) : Number.POSITIVE_INFINITY;
  };
  return byCreation
    .map((v) => ({ v, d: distance(v) }))
    .sort((x, y) => x.d - y.d)
    .map((x) => x.v);
}

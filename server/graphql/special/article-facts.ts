/**
 * What `articlesByLocation` filters on, gathered from an article's related records: its
 * fulfilments, their orders and customers, the locations they leave from and go to, and the
 * consignments (through `ConsignmentArticle`) with their carriers.
 */
import type { Domain } from '../../domain/domain.js';
import { isLinkRef, linkTo, type EntityRecord } from '../../domain/store/store.js';
import { resolveAll, resolveOne } from '../../domain/links.js';

export type ArticleFacts = {
  orders: EntityRecord[];
  customers: EntityRecord[];
  fromLocations: EntityRecord[];
  toLocations: EntityRecord[];
  consignments: EntityRecord[];
  carriers: EntityRecord[];
  retailerIdOf(order: EntityRecord): string | undefined;
};

export function articleFacts(account: Domain, article: EntityRecord): ArticleFacts {
  const { store, entities, view } = account;
  const fulfilments = resolveAll(store, article['fulfilments']);
  const orders = unique(fulfilments.flatMap((f) => resolveOne(store, f['order']) ?? []));
  const consignments = unique(store.linkedFrom(linkTo(article), 'ConsignmentArticle').flatMap((j) => resolveOne(store, j['consignment']) ?? []));
  const locationOfAddress = (value: unknown): EntityRecord | undefined => {
    const address = resolveOne(store, value);
    return address?.__typename === 'StoreAddress' ? resolveOne(store, address['location']) : undefined;
  };
  const pickupLocation = (order: EntityRecord | undefined): EntityRecord | undefined => {
    const ref = resolveOne(store, order?.['fulfilmentChoice'])?.['pickupLocationRef'];
    return typeof ref === 'string' ? entities.findByKey(view, 'Location', { ref }) : undefined;
  };
  return {
    orders,
    customers: unique(orders.flatMap((o) => resolveOne(store, o['customer']) ?? [])),
    fromLocations: unique(fulfilments.flatMap((f) => resolveOne(store, f['fromLocation']) ?? locationOfAddress(f['fromAddress']) ?? [])),
    toLocations: unique(fulfilments.flatMap((f) => locationOfAddress(f['toAddress']) ?? pickupLocation(resolveOne(store, f['order'])) ?? [])),
    consignments,
    carriers: unique(consignments.flatMap((c) => resolveOne(store, c['carrier']) ?? [])),
    retailerIdOf: (order) => (isLinkRef(order['retailer']) ? order['retailer'].id : undefined),
  };
}

function unique(records: EntityRecord[]): EntityRecord[] {
  return [...new Map(records.map((r) => [`${r.__typename}:${r.id}`, r])).values()];
}

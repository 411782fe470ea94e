/**
 * `articlesByLocation(…)`: "the articles currently enroute to, or awaiting collection from, a
 * given location or set of locations" (schema description), filtered by fields of the article,
 * its fulfilments' order and customer, and its consignments. Every list filter matches any of its
 * values; the string filters (`customerFirstName`, `carrierName`, …) match exactly. Paged newest
 * first like other searches (fluent-platform.md §2.4).
 *
 * Details: an article's locations come from its fulfilments: `fromLocation` is the location whose
 * primary address is the fulfilment's `fromAddress` (or a stored `fromLocation`); `toLocation` is
 * the location of its `toAddress` when that is a store address, else the order's pick-up location
 * (`fulfilmentChoice.pickupLocationRef`, click & collect) [inferred]. "Either 'fromLocation' or
 * 'toLocation' should be provided": the simulator does not insist.
 */
import type { GraphQLContext } from '../context.js';
import { buildPredicate, type Predicate } from '../../domain/filters.js';
import { pageRecords, type Page, type PageArgs } from '../../domain/paging.js';
import { articleFacts, type ArticleFacts } from './article-facts.js';

type LocationKey = { id?: string | null; ref?: string | null };
type Args = PageArgs & {
  orderType?: string[] | null;
  fromLocation?: LocationKey[] | null;
  toLocation?: LocationKey[] | null;
  orderRef?: string[] | null;
  customerFirstName?: string | null;
  customerLastName?: string | null;
  customerPhone?: string | null;
  customerEmail?: string | null;
  consignmentStatus?: string[] | null;
  carrierName?: string | null;
  retailerId?: number[] | null;
};

/** Article's own fields, filtered as any search filters them. */
const OWN_FILTERS = new Set(['status', 'createdOn', 'updatedOn']);

export function articlesByLocation(_parent: unknown, a: Args, ctx: GraphQLContext): Page {
  const { store, model, paging } = ctx.account;
  const argDefs = model.queryType.getFields()['articlesByLocation']?.args ?? [];
  const own = buildPredicate(
    store,
    argDefs.filter((d) => OWN_FILTERS.has(d.name)),
    a,
  );
  const related = relatedFilters(a);
  const matches: Predicate = (r) => own(r) && (related.length === 0 || related.every((test) => test(articleFacts(ctx.account, r))));
  const articles = store.candidates('Article').flatMap((id) => store.get('Article', String(id)) ?? []);
  return pageRecords(articles.filter(matches), a, paging);
}

type FactTest = (facts: ArticleFacts) => boolean;

function relatedFilters(a: Args): FactTest[] {
  const tests: FactTest[] = [];
  const anyOf = (wanted: readonly unknown[] | null | undefined, pick: (f: ArticleFacts) => unknown[]): void => {
    if (wanted == null || wanted.length === 0) return;
    const set = new Set(wanted.map(String));
    tests.push((f) => pick(f).some((v) => v != null && set.has(String(v))));
  };
  const exactly = (wanted: string | null | undefined, pick: (f: ArticleFacts) => unknown[]): void => {
    if (wanted == null) return;
    tests.push((f) => pick(f).some((v) => v === wanted));
  };
  const atLocation = (keys: LocationKey[] | null | undefined, pick: (f: ArticleFacts) => ArticleFacts['fromLocations']): void => {
    if (keys == null || keys.length === 0) return;
    tests.push((f) => pick(f).some((l) => keys.some((k) => (k.id == null || String(k.id) === l.id) && (k.ref == null || k.ref === l['ref']))));
  };
  anyOf(a.orderType, (f) => f.orders.map((o) => o['type']));
  anyOf(a.orderRef, (f) => f.orders.map((o) => o['ref']));
  anyOf(a.retailerId, (f) => f.orders.map((o) => f.retailerIdOf(o)));
  anyOf(a.consignmentStatus, (f) => f.consignments.map((c) => c['status']));
  exactly(a.customerFirstName, (f) => f.customers.map((c) => c['firstName']));
  exactly(a.customerLastName, (f) => f.customers.map((c) => c['lastName']));
  exactly(a.customerPhone, (f) => f.customers.map((c) => c['primaryPhone']));
  exactly(a.customerEmail, (f) => f.customers.map((c) => c['primaryEmail']));
  exactly(a.carrierName, (f) => f.carriers.map((c) => c['name']));
  atLocation(a.fromLocation, (f) => f.fromLocations);
  atLocation(a.toLocation, (f) => f.toLocations);
  return tests;
}

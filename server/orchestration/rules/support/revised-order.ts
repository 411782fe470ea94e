/**
 * Shared by the OrderRevision rules (workflow-contracts.md §5.1: `revisedItems` required; an item
 * names a product and its new quantity; new products are allowed, per the rule pages
 * ValidateRevisedOrder and CreateRevisedOrder).
 *
 * [inferred] (the RevisedOrderAttributes fields past `newQty` are not retrievable): an item is
 * `{productRef, newQty, productCatalogueRef?, price?, taxPrice?, currency?}`; `newQty` 0 removes
 * the product; the revised order's ref is `<ref>-REV<n>` (n counting the revisions of the
 * original ref), and the original order's attribute RevisedOrderLink holds it.
 */
import { z } from 'zod';
import type { DomainReader, EntityView, OrchestrationEvent } from '../../port.js';
import { EventAttributeNotFoundException, parseAttributes } from './event-attributes.js';
import type { OrderLine } from './order-lines.js';

export const REVISED_ORDER_LINK = 'RevisedOrderLink';

const revisedItem = z.object({
  productRef: z.string().trim().min(1),
  newQty: z.union([z.number(), z.string()]).pipe(z.coerce.number<string | number>().int().min(0)),
  productCatalogueRef: z.string().trim().min(1).nullish(),
  price: z.coerce.number().nullish(),
  taxPrice: z.coerce.number().nullish(),
  currency: z.string().nullish(),
  fulfilmentChoiceRef: z.string().trim().min(1).nullish(),
});
export type RevisedItem = z.infer<typeof revisedItem>;
/** The event attributes read here, built once (a zod schema compiles on first use). */
const revisedItemsAttribute = z.object({ revisedItems: z.array(revisedItem).min(1) });

/** The event's `revisedItems` (required, at least one). */
export function revisedItemsOf(event: Readonly<OrchestrationEvent>, ruleName: string): RevisedItem[] {
  const raw = event.attributes['revisedItems'];
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    throw new EventAttributeNotFoundException(`${ruleName}: event "${event.name}" needs the attribute "revisedItems" (missing or empty).`);
  }
  return parseAttributes(event, revisedItemsAttribute, ruleName).revisedItems;
}

/** The lines after the revision, and whether any product or quantity changed. */
export function reviseLines(lines: readonly OrderLine[], revised: readonly RevisedItem[]): { lines: OrderLine[]; changed: boolean } {
  const out = lines.map((line) => ({ ...line }));
  let changed = false;
  for (const item of revised) {
    const line = out.find((l) => l.productRef === item.productRef);
    if (line) {
      changed ||= line.quantity !== item.newQty;
      line.quantity = item.newQty;
      continue;
    }
    if (item.newQty === 0) continue;
    changed = true;
    out.push({
      ref: item.productRef,
      productRef: item.productRef,
      productCatalogueRef: item.productCatalogueRef ?? undefined,
      quantity: item.newQty,
      price: item.price ?? undefined,
      taxPrice: item.taxPrice ?? undefined,
      currency: item.currency ?? lines[0]?.currency,
      fulfilmentChoiceRef: item.fulfilmentChoiceRef ?? undefined,
    });
  }
  return { lines: out.filter((l) => l.quantity > 0), changed };
}

const baseRef = (ref: string): string => ref.replace(/-REV\d+$/, '');
const revisionRef = (ref: string, n: number): string => `${baseRef(ref)}-REV${n}`;

/** The ref the next revision of `order` gets: the first `<base>-REV<n>` not taken. */
export function nextRevisionRef(read: DomainReader, order: Readonly<EntityView>): string {
  let n = 1;
  while (read.find({ entityType: 'ORDER', ref: revisionRef(order.ref ?? order.id, n) })) n += 1;
  return revisionRef(order.ref ?? order.id, n);
}

/** The latest revision of `order`'s base ref that exists, if any. */
export function latestRevisionRef(read: DomainReader, order: Readonly<EntityView>): string | undefined {
  let latest: string | undefined;
  for (let n = 1; read.find({ entityType: 'ORDER', ref: revisionRef(order.ref ?? order.id, n) }); n += 1) latest = revisionRef(order.ref ?? order.id, n);
  return latest;
}

/**
 * `fulfilment.AllocateConfirmedItemsByFulfilmentExpiry` (Fulfilment Reference Module, accepts
 * WAVE; rulesets `PickConfirm` and `PickConfirmAndWaveComplete`, workflow-contracts.md §7):
 * allocates the items the store picked for the wave to its fulfilments, those expiring first
 * first, skipping fulfilments in `excludedStatuses`, then sends `eventName` to each fulfilment with
 * its allocation. https://docs.fluentcommerce.com/building-blocks/allocateconfirmeditemsbyfulfilmentexpiry
 *
 * Event attribute `pickedItems` (required, not empty): `[{productRef, availableQty, catalogueRef}]`,
 * all required; a negative `availableQty` or a blank `productRef` fails the event, as documented.
 * Each fulfilment item gets `filledQuantity` = what is left of its product's picked quantity, up
 * to `requestedQuantity`, and the rest as `rejectedQuantity`. The event to each fulfilment carries
 * `fulfilmentItems: [{id, ref, productRef, requestedQuantity, filledQuantity, rejectedQuantity}]`
 * [inferred: the attribute's name and shape; what ConfirmFulfilmentItems reads].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { EventAttributeNotFoundException, IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { fulfilmentItems } from './support/fulfilment-items.js';
import { eventName, statusList } from './support/props.js';
import { bySoonestExpiry, fulfilmentsOfWave, waveOf } from './support/wave.js';

const NAME = 'fulfilment.AllocateConfirmedItemsByFulfilmentExpiry';

const pickedItem = z.object({
  productRef: z.string(),
  availableQty: z.coerce.number().int(),
  catalogueRef: z.string().trim().min(1),
});
const attributes = z.object({ pickedItems: z.array(pickedItem).nullish() });

/** The picked quantity per product ref, checked as the rule's docs describe. */
function pickedQuantities(event: Parameters<typeof parseAttributes>[0]): Map<string, number> {
  const { pickedItems } = parseAttributes(event, attributes, NAME);
  if (!pickedItems || pickedItems.length === 0) {
    throw new EventAttributeNotFoundException(`${NAME}: event "${event.name}" does not have the attribute "pickedItems" (missing or empty).`);
  }
  const negative = pickedItems.filter((p) => p.availableQty < 0).map((p) => p.productRef);
  if (negative.length > 0) throw new IllegalArgumentException(`${NAME}: pickedItem availableQty is negative for productRefs ${negative.join(', ')}.`);
  if (pickedItems.some((p) => p.productRef.trim().length === 0)) throw new IllegalArgumentException(`${NAME}: pickedItem productRef is empty or blank.`);
  const picked = new Map<string, number>();
  for (const p of pickedItems) picked.set(p.productRef, (picked.get(p.productRef) ?? 0) + p.availableQty);
  return picked;
}

export const allocateConfirmedItemsByFulfilmentExpiry = defineRule({
  name: NAME,
  inferred: 'the allocation attribute sent to each fulfilment (fulfilmentItems with filled and rejected quantities)',
  description: "Allocates the wave's `pickedItems` to its fulfilments, soonest expiry first, and sends props.eventName to each with its `fulfilmentItems`.",
  props: z.object({ eventName, excludedStatuses: statusList.optional() }),
  run: ({ event, entity, props, read }) => {
    const wave = waveOf(entity, NAME);
    const left = pickedQuantities(event);
    const excluded = props.excludedStatuses ?? [];
    const fulfilments = fulfilmentsOfWave(read, wave)
      .filter((f) => f.status === undefined || !excluded.includes(f.status))
      .sort(bySoonestExpiry);
    return fulfilments.map((fulfilment) => {
      const items = fulfilmentItems(read, fulfilment, NAME).map((item) => {
        const available = item.productRef === undefined ? 0 : (left.get(item.productRef) ?? 0);
        const filled = Math.min(available, item.requestedQuantity);
        if (item.productRef !== undefined) left.set(item.productRef, available - filled);
        const { id, ref, productRef, requestedQuantity } = item;
        return { id, ref, productRef, requestedQuantity, filledQuantity: filled, rejectedQuantity: requestedQuantity - filled };
      });
      return emit({ ...eventFor(fulfilment, props.eventName, event), attributes: { fulfilmentItems: items } });
    });
  },
});

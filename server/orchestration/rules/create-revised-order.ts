/**
 * `order.CreateRevisedOrder` (Order Reference Module): creates the revised order from the event's
 * `revisedItems` through the same `createOrder` command as the GraphQL API, so it gets the
 * platform's CREATE and runs its own workflow (workflow-contracts.md §5.1;
 * https://docs.fluentcommerce.com/building-blocks/createrevisedorder). No props.
 *
 * [inferred]: the new order copies type, retailer, customer and the fulfilment choice (its
 * delivery address as a new address `<new ref>-ADDR`), keeps the item refs, and its `totalPrice`
 * is the sum of price × quantity; its ref is `<ref>-REV<n>` (support/revised-order.ts). A
 * mixed-basket (MULTI) order's revision copies every fulfilment choice that keeps an item, as
 * `<new ref>-<choice ref without the order ref>`, and its items keep their choice; a product the
 * revision adds goes to the revised item's `fulfilmentChoiceRef`, else to the first choice.
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../port.js';
import { CUSTOMER_ADDRESS_FIELDS } from '../../domain/customer-address-fields.js';
import { defineRule } from '../port.js';
import { choicesOf } from './support/fulfilment-choice.js';
import { walk } from './support/json-path.js';
import { orderOf } from './support/order-of.js';
import { currentLines, type OrderLine } from './support/order-lines.js';
import { nextRevisionRef, reviseLines, revisedItemsOf } from './support/revised-order.js';

const NAME = 'order.CreateRevisedOrder';

const CHOICE_FIELDS = [
  'type',
  'currency',
  'deliveryInstruction',
  'deliveryType',
  'fulfilmentPrice',
  'fulfilmentTaxPrice',
  'fulfilmentType',
  'pickupLocationRef',
];
const CHOICE_CONTACT = ['deliveryFirstName', 'deliveryLastName', 'deliveryContact', 'deliveryEmail'];

const pick = (record: unknown, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, walk(record, [f])]).filter(([, v]) => v !== undefined && v !== null));

/** A fulfilment choice's fields as CreateFulfilmentChoiceWithOrderInput, its address under the new ref `<addressOwnerRef>-ADDR`. */
function copyOfChoice(fields: unknown, addressOwnerRef: string): Record<string, unknown> {
  const address = walk(fields, ['deliveryAddress']);
  return {
    ...pick(fields, [...CHOICE_FIELDS, ...CHOICE_CONTACT]),
    ...(address ? { deliveryAddress: { ref: `${addressOwnerRef}-ADDR`, ...pick(address, CUSTOMER_ADDRESS_FIELDS) } } : {}),
  };
}

/** The order's fulfilment choice for the revised order `newRef`. */
function choiceCopy(read: DomainReader, order: Readonly<EntityView>, newRef: string): Record<string, unknown> | undefined {
  const choice = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoice')[0];
  return choice ? copyOfChoice(choice, newRef) : undefined;
}

/** A MULTI order's choices for the revised order, and its lines with their new choice refs. */
function multiCopy(read: DomainReader, order: Readonly<EntityView>, newRef: string, lines: readonly OrderLine[]) {
  const choices = choicesOf(read, order);
  const oldRef = order.ref ?? order.id;
  const renamed = new Map(choices.map((c) => [c.ref ?? c.id, `${newRef}-${(c.ref ?? c.id).replace(`${oldRef}-`, '')}`]));
  const first = choices[0]?.ref;
  const revised = lines.map((l) => ({ ...l, fulfilmentChoiceRef: renamed.get(l.fulfilmentChoiceRef ?? first ?? '') ?? l.fulfilmentChoiceRef }));
  const used = new Set(revised.map((l) => l.fulfilmentChoiceRef));
  const fulfilmentChoices = choices
    .map((c) => ({ choice: c, ref: renamed.get(c.ref ?? c.id) ?? '' }))
    .filter(({ ref }) => used.has(ref))
    .map(({ choice, ref }) => ({ ...copyOfChoice(choice.fields, ref), ref, type: choice.subtype }));
  return { fulfilmentChoices, lines: revised };
}

export const createRevisedOrder = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateRevisedOrder'],
  inferred: 'what the new order copies; its ref',
  description: 'Creates the revised order (createOrder) from the order and the event attribute revisedItems.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const { lines } = reviseLines(currentLines(read, order), revisedItemsOf(event, NAME));
    const ref = nextRevisionRef(read, order);
    const customerId = walk(order.fields['customer'], ['id']);
    const priced = lines.every((l) => l.price !== undefined);
    const multi = order.subtype === 'MULTI' ? multiCopy(read, order, ref, lines) : undefined;
    const choice = multi ? undefined : choiceCopy(read, order, ref);
    const input = {
      ref,
      type: order.subtype ?? 'HD',
      retailer: { id: order.retailerId ?? '1' },
      customer: { id: String(customerId) },
      ...(priced ? { totalPrice: Math.round(lines.reduce((sum, l) => sum + (l.price ?? 0) * l.quantity, 0) * 100) / 100 } : {}),
      ...(choice ? { fulfilmentChoice: choice } : {}),
      ...(multi ? { fulfilmentChoices: multi.fulfilmentChoices } : {}),
      items: (multi?.lines ?? lines.map((l) => ({ ...l, fulfilmentChoiceRef: undefined }))).map(
        ({ ref, productRef, productCatalogueRef, quantity, price, taxPrice, currency, fulfilmentChoiceRef }) =>
          Object.fromEntries(
            Object.entries({ ref, productRef, productCatalogueRef, quantity, price, taxPrice, currency, fulfilmentChoiceRef }).filter(
              ([, v]) => v !== undefined,
            ),
          ),
      ),
    };
    return [{ type: 'mutate', mutation: 'createOrder', input }];
  },
});

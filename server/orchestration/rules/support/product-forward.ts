/**
 * The four `ForwardIf{Standard|Variant}Product{Exists|NotExists}` rules of the Inventory Reference
 * Module share one shape (https://docs.fluentcommerce.com/building-blocks/forwardifvariantproductexists,
 * …/forwardifvariantproductnotexists, …/forwardifstandardproductexists): they act only when event
 * attribute `type` is the rule's product type; "exists" forwards `eventName` inline to the product
 * (entity type PRODUCT, subtype = the type), "not exists" renames the event on the catalogue.
 * The Standard rules need `ref` and `type`; the Variant rules need `ref` only when type is VARIANT.
 */
import { z } from 'zod';
import { defineRule, type Rule } from '../../port.js';
import { requiredText } from './event-attributes.js';
import { emit, eventFor, forwardEvent } from './events.js';
import { catalogueOf, findInCatalogue, PRODUCT_TYPENAME, type ProductKind } from './product-catalogue.js';
import { eventName } from './props.js';

export function productForwardRule(kind: ProductKind, when: 'exists' | 'notExists'): Rule<{ eventName: string }> {
  const label = kind === 'STANDARD' ? 'Standard' : 'Variant';
  const name = `globalinventory.ForwardIf${label}Product${when === 'exists' ? 'Exists' : 'NotExists'}`;
  return defineRule({
    name,
    aliases: [name.replace('globalinventory.', 'commongi.')],
    description:
      when === 'exists'
        ? `When event attribute type is ${kind} and that product exists, forwards props.eventName to it.`
        : `When event attribute type is ${kind} and no such product exists, forwards props.eventName.`,
    props: z.object({ eventName }),
    run: ({ event, entity, props, read }) => {
      const type = kind === 'STANDARD' ? requiredText(event, 'type', name) : event.attributes['type'];
      if (type !== kind) return [];
      const ref = requiredText(event, 'ref', name);
      const product = findInCatalogue(read, catalogueOf(entity, name), 'PRODUCT', ref, PRODUCT_TYPENAME[kind]);
      if (when === 'exists') return product ? [emit(eventFor(product, props.eventName, event))] : [];
      return product ? [] : [emit(forwardEvent(event, entity, props.eventName))];
    },
  });
}

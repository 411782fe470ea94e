/**
 * `globalinventory.DownToProduct` (Inventory Reference Module, accepts PRODUCT_CATALOGUE): forwards
 * the event inline as props.eventName to the product with event attributes `ref` and `type` (both
 * required; the new event's subtype is the product type).
 * https://docs.fluentcommerce.com/building-blocks/downtoproduct
 * A product that does not exist is an error naming it (the docs are silent) [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { catalogueOf, findInCatalogue } from './support/product-catalogue.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.DownToProduct';

export const downToProduct = defineRule({
  name: NAME,
  aliases: ['commongi.DownToProduct'],
  inferred: 'an unknown product ref fails the event',
  description: 'Forwards props.eventName to the product with event attributes ref and type.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const catalogue = catalogueOf(entity, NAME);
    const ref = requiredText(event, 'ref', NAME);
    const type = requiredText(event, 'type', NAME);
    const product = findInCatalogue(read, catalogue, 'PRODUCT', ref);
    if (!product) throw new Error(`${NAME}: catalogue "${catalogue.ref}" has no product "${ref}".`);
    return [emit({ ...eventFor(product, props.eventName, event), entitySubtype: type })];
  },
});

/**
 * `globalinventory.DownToCategory` (Inventory Reference Module, accepts PRODUCT_CATALOGUE): forwards
 * the event inline as props.eventName to the category with event attribute `ref` (required).
 * https://docs.fluentcommerce.com/building-blocks/downtocategory
 * A category that does not exist is an error naming it (the docs are silent) [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { catalogueOf, findInCatalogue } from './support/product-catalogue.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.DownToCategory';

export const downToCategory = defineRule({
  name: NAME,
  aliases: ['commongi.DownToCategory'],
  inferred: 'an unknown category ref fails the event',
  description: 'Forwards props.eventName to the category with event attribute ref.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const catalogue = catalogueOf(entity, NAME);
    const ref = requiredText(event, 'ref', NAME);
    const category = findInCatalogue(read, catalogue, 'CATEGORY', ref);
    if (!category) throw new Error(`${NAME}: catalogue "${catalogue.ref}" has no category "${ref}".`);
    return [emit(eventFor(category, props.eventName, event))];
  },
});

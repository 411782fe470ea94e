/**
 * `globalinventory.ForwardIfCategoryExists` (Inventory Reference Module, accepts PRODUCT_CATALOGUE):
 * forwards props.eventName inline to the category named by event attribute `ref` when it exists in
 * the catalogue (the event's entity). `ref` is required.
 * https://docs.fluentcommerce.com/building-blocks/forwardifcategoryexists
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { catalogueOf, findInCatalogue } from './support/product-catalogue.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.ForwardIfCategoryExists';

export const forwardIfCategoryExists = defineRule({
  name: NAME,
  aliases: ['commongi.ForwardIfCategoryExists'],
  description: 'Forwards props.eventName to the category with event attribute ref, when it exists in the catalogue.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const category = findInCatalogue(read, catalogueOf(entity, NAME), 'CATEGORY', requiredText(event, 'ref', NAME));
    return category ? [emit(eventFor(category, props.eventName, event))] : [];
  },
});

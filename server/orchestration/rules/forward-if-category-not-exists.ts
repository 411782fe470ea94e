/**
 * `globalinventory.ForwardIfCategoryNotExists` (Inventory Reference Module, accepts
 * PRODUCT_CATALOGUE): renames the event to props.eventName when the catalogue has no category with
 * event attribute `ref` ("only modifies the event name and makes it inline"). `ref` is required.
 * https://docs.fluentcommerce.com/building-blocks/forwardifcategorynotexists
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { requiredText } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { catalogueOf, findInCatalogue } from './support/product-catalogue.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.ForwardIfCategoryNotExists';

export const forwardIfCategoryNotExists = defineRule({
  name: NAME,
  aliases: ['commongi.ForwardIfCategoryNotExists'],
  description: 'Forwards the event as props.eventName when the catalogue has no category with event attribute ref.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) =>
    findInCatalogue(read, catalogueOf(entity, NAME), 'CATEGORY', requiredText(event, 'ref', NAME)) ? [] : [emit(forwardEvent(event, entity, props.eventName))],
});

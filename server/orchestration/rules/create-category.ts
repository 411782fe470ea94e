/**
 * `globalinventory.CreateCategory` (Inventory Reference Module, accepts PRODUCT_CATALOGUE): creates
 * a category from the UPSERT_CATEGORY attributes (`ref`, `type`, `name` required; `summary`,
 * `attributes`, `parentCategory` = ref of an existing parent). Child categories cannot be created
 * with their parent: `childCategories` on a create is an IllegalArgumentException, as documented.
 * https://docs.fluentcommerce.com/building-blocks/createcategory
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { catalogueOf, categoryPayload, keyIn } from './support/product-catalogue.js';

const NAME = 'globalinventory.CreateCategory';

export const createCategory = defineRule({
  name: NAME,
  aliases: ['commongi.CreateCategory'],
  description: 'Creates a category (ref, type, name required; summary, attributes, parentCategory) in the catalogue.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    const payload = parseAttributes(event, categoryPayload, NAME);
    if (payload.childCategories && payload.childCategories.length > 0) {
      throw new IllegalArgumentException(
        `${NAME}: category "${payload.ref}" does not exist yet, so it cannot take childCategories; create it first, then send UPSERT_CATEGORY again with childCategories.`,
      );
    }
    const catalogue = catalogueOf(entity, NAME);
    const input: Record<string, unknown> = { ref: payload.ref, catalogue: { ref: catalogue.ref }, type: payload.type, name: payload.name };
    if (payload.summary !== undefined) input['summary'] = payload.summary;
    if (payload.attributes) input['attributes'] = payload.attributes;
    if (payload.parentCategory !== undefined) input['parentCategory'] = keyIn(catalogue, payload.parentCategory);
    return [{ type: 'mutate', mutation: 'createCategory', input }];
  },
});

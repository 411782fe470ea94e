/**
 * `globalinventory.ValidateProductCategoriesExist` (Inventory Reference Module, accepts
 * PRODUCT_CATALOGUE): every ref in event attribute `categoryRefs` (optional) must be a category of
 * the catalogue; otherwise an IllegalArgumentException naming the missing ones. No effects.
 * https://docs.fluentcommerce.com/building-blocks/validateproductcategoriesexist
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { catalogueOf, findInCatalogue } from './support/product-catalogue.js';

const NAME = 'globalinventory.ValidateProductCategoriesExist';
/** The event attributes read here, built once (a zod schema compiles on first use). */
const categoryRefsAttribute = z.object({ categoryRefs: z.array(z.string().trim().min(1)).nullish() });

export const validateProductCategoriesExist = defineRule({
  name: NAME,
  aliases: ['commongi.ValidateProductCategoriesExist'],
  description: 'Fails the event when a ref in event attribute categoryRefs is not a category of the catalogue.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const { categoryRefs } = parseAttributes(event, categoryRefsAttribute, NAME);
    const catalogue = catalogueOf(entity, NAME);
    const missing = (categoryRefs ?? []).filter((ref) => !findInCatalogue(read, catalogue, 'CATEGORY', ref));
    if (missing.length > 0) {
      throw new IllegalArgumentException(
        `${NAME}: catalogue "${catalogue.ref}" has no categories ${missing.map((r) => `"${r}"`).join(', ')}; send UPSERT_CATEGORY for them first.`,
      );
    }
    return [];
  },
});

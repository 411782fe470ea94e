/**
 * `globalinventory.UpdateCategory` (Inventory Reference Module, accepts CATEGORY): updates the
 * category from the UPSERT_CATEGORY attributes (`ref`, `type`, `name` required; `summary`,
 * `attributes` by name, `parentCategory`). `childCategories` (refs of existing categories) become
 * children of this one: each child's `parentCategory` is set to it [inferred: the docs say only
 * that children are "assigned"; the child → parent link is what `childCategories` reads back].
 * https://docs.fluentcommerce.com/building-blocks/updatecategory
 */
import { z } from 'zod';
import { defineRule, type Effect } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { catalogueOf, categoryPayload, keyIn } from './support/product-catalogue.js';

const NAME = 'globalinventory.UpdateCategory';

export const updateCategory = defineRule({
  name: NAME,
  aliases: ['commongi.UpdateCategory'],
  inferred: "childCategories are linked by setting each child's parentCategory",
  description: 'Updates the category from the event (name, type, summary, attributes, parent) and adopts childCategories.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    if (entity.entityType !== 'CATEGORY') throw new Error(`${NAME} runs on CATEGORY, not ${entity.entityType}.`);
    const payload = parseAttributes(event, categoryPayload, NAME);
    const catalogue = catalogueOf(entity, NAME);
    const input: Record<string, unknown> = { ...keyIn(catalogue, entity.ref ?? payload.ref), type: payload.type, name: payload.name };
    if (payload.summary !== undefined) input['summary'] = payload.summary;
    if (payload.attributes) input['attributes'] = payload.attributes;
    if (payload.parentCategory !== undefined) input['parentCategory'] = keyIn(catalogue, payload.parentCategory);
    const effects: Effect[] = [{ type: 'mutate', mutation: 'updateCategory', input }];
    for (const child of payload.childCategories ?? []) {
      effects.push({
        type: 'mutate',
        mutation: 'updateCategory',
        input: { ...keyIn(catalogue, child), parentCategory: keyIn(catalogue, entity.ref ?? payload.ref) },
      });
    }
    return effects;
  },
});

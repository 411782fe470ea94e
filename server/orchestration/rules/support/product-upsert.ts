/**
 * Create / update / category-sync rules for standard and variant products (Inventory Reference
 * Module, workflow-contracts.md §1.2): https://docs.fluentcommerce.com/building-blocks/createstandardproduct,
 * …/createvariantproduct, …/updatestandardproduct, …/updatevariantproduct,
 * …/updatecategoriesforstandardproduct, …/updatecategoriesforvariantproduct.
 * Every event attribute of the product payload is checked first: a missing `ref`, `type`, `name`
 * or `gtin` fails the event naming it. Prices upsert by type + currency and attributes by name,
 * as the update mutations do; `status` is left to the CheckProductStatusChange ruleset.
 */
import { z } from 'zod';
import { defineRule, type Effect, type Rule } from '../../port.js';
import { parseAttributes, requiredText } from './event-attributes.js';
import { entityKey } from './entity-key.js';
import { catalogueOf, keyIn, linkedCategoryRefs, PRODUCT_TYPENAME, productFields, productPayload, type ProductKind } from './product-catalogue.js';

const noProps = z.looseObject({}).nullish();
/** The event attributes read here, built once (a zod schema compiles on first use). */
const categoryRefsAttribute = z.object({ categoryRefs: z.array(z.string().trim().min(1)).nullish() });
const label = (kind: ProductKind): string => (kind === 'STANDARD' ? 'Standard' : 'Variant');

/** `Create{Standard|Variant}Product` on the PRODUCT_CATALOGUE: one create mutation. */
export function createProductRule(kind: ProductKind): Rule<unknown> {
  const name = `globalinventory.Create${label(kind)}Product`;
  return defineRule({
    name,
    aliases: [name.replace('globalinventory.', 'commongi.')],
    description: `Creates a ${kind.toLowerCase()} product from the event (ref, type, name, gtin required; categories, prices, attributes).`,
    props: noProps,
    run: ({ event, entity }) => {
      if (entity.entityType !== 'PRODUCT_CATALOGUE') throw new Error(`${name} runs on PRODUCT_CATALOGUE, not ${entity.entityType}.`);
      const payload = parseAttributes(event, productPayload, name);
      const catalogue = catalogueOf(entity, name);
      const input: Record<string, unknown> = {
        ref: payload.ref,
        catalogue: { ref: catalogue.ref },
        type: payload.type,
        ...productFields(payload),
        ...(payload.categoryRefs ? { categories: payload.categoryRefs.map((ref) => keyIn(catalogue, ref)) } : {}),
        ...(kind === 'VARIANT' && payload.standardProductRef ? { product: keyIn(catalogue, payload.standardProductRef) } : {}),
      };
      return [{ type: 'mutate', mutation: `create${PRODUCT_TYPENAME[kind]}`, input }];
    },
  });
}

/** `Update{Standard|Variant}Product` on the PRODUCT: one update mutation (categories apart). */
export function updateProductRule(kind: ProductKind): Rule<unknown> {
  const name = `globalinventory.Update${label(kind)}Product`;
  return defineRule({
    name,
    aliases: [name.replace('globalinventory.', 'commongi.')],
    description: `Updates the ${kind.toLowerCase()} product from the event; prices upsert by type+currency, attributes by name.`,
    props: noProps,
    run: ({ event, entity }) => {
      if (entity.entityType !== 'PRODUCT') throw new Error(`${name} runs on PRODUCT, not ${entity.entityType}.`);
      const payload = parseAttributes(event, productPayload, name);
      const catalogue = catalogueOf(entity, name);
      const input: Record<string, unknown> = { ref: entity.ref, catalogue: { ref: catalogue.ref }, ...productFields(payload) };
      if (kind === 'VARIANT' && payload.standardProductRef) input['product'] = keyIn(catalogue, payload.standardProductRef);
      return [{ type: 'mutate', mutation: `update${PRODUCT_TYPENAME[kind]}`, input }];
    },
  });
}

/**
 * `UpdateCategoriesFor{Standard|Variant}Product` on the PRODUCT: the linked categories become
 * exactly `categoryRefs` — one mutation removing the others, one adding the missing.
 * Without a `categoryRefs` attribute nothing changes [inferred]; an empty list removes all.
 */
export function updateCategoriesRule(kind: ProductKind): Rule<unknown> {
  const name = `globalinventory.UpdateCategoriesFor${label(kind)}Product`;
  const typename = PRODUCT_TYPENAME[kind];
  return defineRule({
    name,
    aliases: [name.replace('globalinventory.', 'commongi.')],
    inferred: 'without a categoryRefs attribute the categories stay as they are',
    description: `Makes the ${kind.toLowerCase()} product's categories equal to event attribute categoryRefs (adds missing, removes others).`,
    props: noProps,
    run: ({ event, entity, read }) => {
      if (entity.entityType !== 'PRODUCT') throw new Error(`${name} runs on PRODUCT, not ${entity.entityType}.`);
      requiredText(event, 'ref', name);
      const wanted = parseAttributes(event, categoryRefsAttribute, name).categoryRefs;
      if (wanted == null) return [];
      const catalogue = catalogueOf(entity, name);
      const current = linkedCategoryRefs(read.find(entityKey(entity)) ?? entity);
      const remove = current.filter((ref) => !wanted.includes(ref));
      const add = wanted.filter((ref) => !current.includes(ref));
      const productKey = keyIn(catalogue, entity.ref ?? '');
      const effects: Effect[] = [];
      if (remove.length > 0) {
        const field = kind === 'STANDARD' ? 'standardProduct' : 'variantProduct';
        effects.push({
          type: 'mutate',
          mutation: `removeCategoriesFrom${typename}`,
          input: { [field]: productKey, categories: remove.map((ref) => keyIn(catalogue, ref)) },
        });
      }
      if (add.length > 0) {
        const kept = current.filter((ref) => wanted.includes(ref));
        effects.push({
          type: 'mutate',
          mutation: `update${typename}`,
          input: { ...productKey, categories: [...kept, ...add].map((ref) => keyIn(catalogue, ref)) },
        });
      }
      return effects;
    },
  });
}

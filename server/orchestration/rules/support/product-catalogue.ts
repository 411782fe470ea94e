/**
 * Shared pieces of the Inventory Reference Module's product-catalogue rules (namespace
 * `globalinventory`, used as `commongi` in real workflows): the UPSERT_PRODUCT / UPSERT_CATEGORY
 * payloads (workflow-contracts.md §1, H: product-catalogue-workflow-interface-contracts and the
 * rule pages createstandardproduct, createvariantproduct, createcategory, updatecategory), the
 * catalogue an event works in, and lookups of products and categories by ref in that catalogue.
 */
import { z } from 'zod';
import { propertyOf } from '../../../lib/guards.js';
import type { DomainReader, EntityView } from '../../port.js';

const text = z.string().trim().min(1);
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? undefined : v));

/** `[{name, type, value}]`, upserted by name (updatestandardproductinput). */
export const attributeList = z.array(z.object({ name: text, type: text, value: z.unknown() }));

/** A product payload: ref, type, name, gtin required; the rest optional (createvariantproduct). */
export const productPayload = z.object({
  ref: text,
  type: text,
  name: text,
  gtin: text,
  status: optionalText,
  summary: optionalText,
  standardProductRef: optionalText,
  categoryRefs: z.array(text).nullish(),
  prices: z.array(z.object({ type: text, currency: text, value: z.coerce.number() })).nullish(),
  taxType: z.object({ country: text, group: text, tariff: text }).nullish(),
  attributes: attributeList.nullish(),
});
export type ProductPayload = z.infer<typeof productPayload>;

/** A category payload: ref, type, name required (createcategory). */
export const categoryPayload = z.object({
  ref: text,
  type: text,
  name: text,
  status: optionalText,
  summary: optionalText,
  parentCategory: optionalText,
  childCategories: z
    .union([
      z.array(text),
      text.transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .nullish(),
  attributes: attributeList.nullish(),
});

export type CatalogueRef = { id: string; ref: string };

/** The product catalogue: the event entity itself, or the root of a PRODUCT / CATEGORY. */
export function catalogueOf(entity: Readonly<EntityView>, ruleName: string): CatalogueRef {
  const root = entity.entityType === 'PRODUCT_CATALOGUE' ? entity : entity.root;
  if (root.entityType !== 'PRODUCT_CATALOGUE' || root.ref === undefined) {
    throw new Error(`${ruleName} runs on a PRODUCT_CATALOGUE or one of its products or categories, not ${entity.entityType}.`);
  }
  return { id: root.id, ref: root.ref };
}

/** Product typename per reference product type (createstandardproduct / createvariantproduct). */
export const PRODUCT_TYPENAME = { STANDARD: 'StandardProduct', VARIANT: 'VariantProduct' } as const;
export type ProductKind = keyof typeof PRODUCT_TYPENAME;

/**
 * The entity of `entityType` (PRODUCT or CATEGORY) with `ref` in the catalogue, optionally of one
 * GraphQL type. The ref index answers first; refs repeat across catalogues, so a hit in another
 * catalogue falls back to the catalogue's own children.
 */
export function findInCatalogue(
  read: DomainReader,
  catalogue: CatalogueRef,
  entityType: 'PRODUCT' | 'CATEGORY',
  ref: string,
  typename?: string,
): EntityView | undefined {
  const fits = (view: EntityView | undefined): view is EntityView =>
    view !== undefined && view.ref === ref && view.root.id === catalogue.id && (typename === undefined || view.typename === typename);
  const quick = read.find({ entityType, ref });
  if (fits(quick)) return quick;
  return read.children({ entityType: 'PRODUCT_CATALOGUE', id: catalogue.id, ref: catalogue.ref }, entityType).find(fits);
}

/** `{ref, catalogue: {ref}}`: a ProductKey / CategoryKey. */
export const keyIn = (catalogue: CatalogueRef, ref: string) => ({ ref, catalogue: { ref: catalogue.ref } });

/** The fields shared by create and update product inputs, absent ones left out. */
export function productFields(payload: ProductPayload): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: payload.name,
    gtin: payload.gtin,
    summary: payload.summary,
    prices: payload.prices ?? undefined,
    taxType: payload.taxType ?? undefined,
    attributes: payload.attributes ?? undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The refs of the categories an entity snapshot links (`fields.categories` expanded one level). */
export function linkedCategoryRefs(entity: Readonly<EntityView>): string[] {
  const list = entity.fields['categories'];
  if (!Array.isArray(list)) return [];
  return list.map((c) => propertyOf(c, 'ref')).filter((r): r is string => typeof r === 'string');
}

/**
 * Table-driven tests of the product-catalogue rules (Inventory Reference Module): what each does
 * with a catalogue holding one standard product, one variant and two categories.
 */
import { describe, expect, it } from 'vitest';
import type { AnyRule, EntityView } from '../../../server/orchestration/port.js';
import { createCategory } from '../../../server/orchestration/rules/create-category.js';
import { createVariantProduct } from '../../../server/orchestration/rules/create-variant-product.js';
import { downToCategory } from '../../../server/orchestration/rules/down-to-category.js';
import { downToProduct } from '../../../server/orchestration/rules/down-to-product.js';
import { forwardIfCategoryExists } from '../../../server/orchestration/rules/forward-if-category-exists.js';
import { forwardIfCategoryNotExists } from '../../../server/orchestration/rules/forward-if-category-not-exists.js';
import { forwardIfStandardProductExists } from '../../../server/orchestration/rules/forward-if-standard-product-exists.js';
import { forwardIfStandardProductNotExists } from '../../../server/orchestration/rules/forward-if-standard-product-not-exists.js';
import { forwardIfVariantProductExists } from '../../../server/orchestration/rules/forward-if-variant-product-exists.js';
import { forwardIfVariantProductNotExists } from '../../../server/orchestration/rules/forward-if-variant-product-not-exists.js';
import { updateCategoriesForVariantProduct } from '../../../server/orchestration/rules/update-categories-for-variant-product.js';
import { updateCategory } from '../../../server/orchestration/rules/update-category.js';
import { updateStandardProduct } from '../../../server/orchestration/rules/update-standard-product.js';
import { validateProductCategoriesExist } from '../../../server/orchestration/rules/validate-product-categories-exist.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const ROOT = { entityType: 'PRODUCT_CATALOGUE', id: 'pc1', ref: 'PC:MASTER:1' };
const catalogue = entity({ ...ROOT, subtype: 'MASTER', status: 'ACTIVE' });
const inCatalogue = (entityType: string, id: string, ref: string, typename: string, fields: Record<string, unknown> = {}): EntityView =>
  entity({
    entityType,
    id,
    ref,
    typename,
    subtype: typename === 'VariantProduct' ? 'VARIANT' : typename === 'StandardProduct' ? 'STANDARD' : 'STANDARD',
    status: 'ACTIVE',
    root: { ...ROOT },
    fields,
  });
const shoes = inCatalogue('CATEGORY', 'c1', 'SHOES', 'Category');
const running = inCatalogue('CATEGORY', 'c2', 'RUNNING', 'Category');
const standard = inCatalogue('PRODUCT', 'p1', 'RUNNER', 'StandardProduct');
const variant = inCatalogue('PRODUCT', 'p2', 'RUNNER-42', 'VariantProduct', { categories: [{ ref: 'SHOES' }, { ref: 'RUNNING' }] });
const data = { entities: [catalogue, shoes, running, standard, variant] };

const run = (rule: AnyRule, target: EntityView, props: unknown, attributes: Record<string, unknown>, name = 'UPSERT') =>
  rule.run(ruleInput(target, rule.props.parse(props), { event: eventOn(target, name, attributes), data }));
const sent = (effects: readonly unknown[]) =>
  effects.map((e) => {
    const event = (e as { event: { name: string; entityType: string; entityId: string; entitySubtype?: string } }).event;
    return `${event.name}→${event.entityType}:${event.entityId}`;
  });

describe('product-catalogue forwarding rules', () => {
  it.each([
    { rule: forwardIfCategoryExists, attributes: { ref: 'SHOES' }, expected: ['Next→CATEGORY:c1'] },
    { rule: forwardIfCategoryExists, attributes: { ref: 'HATS' }, expected: [] },
    { rule: forwardIfCategoryNotExists, attributes: { ref: 'HATS' }, expected: ['Next→PRODUCT_CATALOGUE:pc1'] },
    { rule: forwardIfCategoryNotExists, attributes: { ref: 'SHOES' }, expected: [] },
    { rule: forwardIfStandardProductExists, attributes: { ref: 'RUNNER', type: 'STANDARD' }, expected: ['Next→PRODUCT:p1'] },
    { rule: forwardIfStandardProductExists, attributes: { ref: 'RUNNER-42', type: 'STANDARD' }, expected: [] },
    { rule: forwardIfStandardProductExists, attributes: { ref: 'RUNNER', type: 'VARIANT' }, expected: [] },
    { rule: forwardIfStandardProductNotExists, attributes: { ref: 'NEW', type: 'STANDARD' }, expected: ['Next→PRODUCT_CATALOGUE:pc1'] },
    { rule: forwardIfStandardProductNotExists, attributes: { ref: 'NEW', type: 'VARIANT' }, expected: [] },
    { rule: forwardIfVariantProductExists, attributes: { ref: 'RUNNER-42', type: 'VARIANT' }, expected: ['Next→PRODUCT:p2'] },
    { rule: forwardIfVariantProductNotExists, attributes: { ref: 'RUNNER', type: 'VARIANT' }, expected: ['Next→PRODUCT_CATALOGUE:pc1'] },
    { rule: forwardIfVariantProductNotExists, attributes: { type: 'STANDARD' }, expected: [] },
    { rule: downToCategory, attributes: { ref: 'RUNNING' }, expected: ['Next→CATEGORY:c2'] },
    { rule: downToProduct, attributes: { ref: 'RUNNER-42', type: 'VARIANT' }, expected: ['Next→PRODUCT:p2'] },
  ])('$rule.name with $attributes sends $expected', ({ rule, attributes, expected }) => {
    expect(sent(run(rule, catalogue, { eventName: 'Next' }, attributes))).toEqual(expected);
  });

  it.each([
    { rule: forwardIfCategoryExists, attributes: {}, missing: '"ref"' },
    { rule: forwardIfStandardProductExists, attributes: { ref: 'X' }, missing: '"type"' },
    { rule: forwardIfVariantProductNotExists, attributes: { type: 'VARIANT' }, missing: '"ref"' },
    { rule: downToProduct, attributes: { ref: 'RUNNER' }, missing: '"type"' },
    { rule: downToCategory, attributes: { ref: 'HATS' }, missing: 'no category "HATS"' },
  ])('$rule.name throws naming $missing', ({ rule, attributes, missing }) => {
    expect(() => run(rule, catalogue, { eventName: 'Next' }, attributes)).toThrow(missing);
  });

  it.each([forwardIfCategoryExists, forwardIfVariantProductExists, downToProduct])('$name needs props.eventName', (rule) => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});

describe('product-catalogue create and update rules', () => {
  const payload = {
    ref: 'RUNNER-43',
    type: 'VARIANT',
    name: 'Runner 43',
    gtin: '93',
    standardProductRef: 'RUNNER',
    categoryRefs: ['SHOES'],
    prices: [{ type: 'DEFAULT', currency: 'AUD', value: '10.5' }],
  };

  it.each([
    {
      title: 'createVariantProduct',
      effects: () => run(createVariantProduct, catalogue, null, payload),
      expected: [
        {
          type: 'mutate',
          mutation: 'createVariantProduct',
          input: {
            ref: 'RUNNER-43',
            catalogue: { ref: 'PC:MASTER:1' },
            type: 'VARIANT',
            name: 'Runner 43',
            gtin: '93',
            prices: [{ type: 'DEFAULT', currency: 'AUD', value: 10.5 }],
            categories: [{ ref: 'SHOES', catalogue: { ref: 'PC:MASTER:1' } }],
            product: { ref: 'RUNNER', catalogue: { ref: 'PC:MASTER:1' } },
          },
        },
      ],
    },
    {
      title: 'updateStandardProduct',
      effects: () => run(updateStandardProduct, standard, null, { ref: 'RUNNER', type: 'STANDARD', name: 'Runner', gtin: '1', summary: 'new' }),
      expected: [
        {
          type: 'mutate',
          mutation: 'updateStandardProduct',
          input: { ref: 'RUNNER', catalogue: { ref: 'PC:MASTER:1' }, name: 'Runner', gtin: '1', summary: 'new' },
        },
      ],
    },
    {
      title: 'updateCategoriesForVariantProduct',
      effects: () => run(updateCategoriesForVariantProduct, variant, null, { ref: 'RUNNER-42', categoryRefs: ['RUNNING', 'TRAIL'] }),
      expected: [
        {
          type: 'mutate',
          mutation: 'removeCategoriesFromVariantProduct',
          input: { variantProduct: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } }, categories: [{ ref: 'SHOES', catalogue: { ref: 'PC:MASTER:1' } }] },
        },
        {
          type: 'mutate',
          mutation: 'updateVariantProduct',
          input: {
            ref: 'RUNNER-42',
            catalogue: { ref: 'PC:MASTER:1' },
            categories: [
              { ref: 'RUNNING', catalogue: { ref: 'PC:MASTER:1' } },
              { ref: 'TRAIL', catalogue: { ref: 'PC:MASTER:1' } },
            ],
          },
        },
      ],
    },
    {
      title: 'updateCategoriesForVariantProduct without categoryRefs',
      effects: () => run(updateCategoriesForVariantProduct, variant, null, { ref: 'RUNNER-42' }),
      expected: [],
    },
    {
      title: 'createCategory with a parent',
      effects: () => run(createCategory, catalogue, null, { ref: 'TRAIL', type: 'STANDARD', name: 'Trail', parentCategory: 'RUNNING' }),
      expected: [
        {
          type: 'mutate',
          mutation: 'createCategory',
          input: {
            ref: 'TRAIL',
            catalogue: { ref: 'PC:MASTER:1' },
            type: 'STANDARD',
            name: 'Trail',
            parentCategory: { ref: 'RUNNING', catalogue: { ref: 'PC:MASTER:1' } },
          },
        },
      ],
    },
    {
      title: 'updateCategory with children',
      effects: () => run(updateCategory, shoes, null, { ref: 'SHOES', type: 'STANDARD', name: 'Shoes', childCategories: 'RUNNING' }),
      expected: [
        { type: 'mutate', mutation: 'updateCategory', input: { ref: 'SHOES', catalogue: { ref: 'PC:MASTER:1' }, type: 'STANDARD', name: 'Shoes' } },
        {
          type: 'mutate',
          mutation: 'updateCategory',
          input: { ref: 'RUNNING', catalogue: { ref: 'PC:MASTER:1' }, parentCategory: { ref: 'SHOES', catalogue: { ref: 'PC:MASTER:1' } } },
        },
      ],
    },
    {
      title: 'validateProductCategoriesExist with known categories',
      effects: () => run(validateProductCategoriesExist, catalogue, null, { categoryRefs: ['SHOES', 'RUNNING'] }),
      expected: [],
    },
  ])('$title', ({ effects, expected }) => {
    expect(effects()).toEqual(expected);
  });

  it.each([
    {
      title: 'a variant without gtin',
      call: () => run(createVariantProduct, catalogue, null, { ...payload, gtin: undefined }),
      message: 'needs the attribute "gtin"',
    },
    {
      title: 'a price without currency',
      call: () => run(createVariantProduct, catalogue, null, { ...payload, prices: [{ type: 'X', value: 1 }] }),
      message: '"prices[0].currency"',
    },
    {
      title: 'a price that is not a number',
      call: () => run(createVariantProduct, catalogue, null, { ...payload, prices: [{ type: 'X', currency: 'AUD', value: 'cheap' }] }),
      message: 'invalid attributes: "prices[0].value"',
    },
    {
      title: 'a category with children at creation',
      call: () => run(createCategory, catalogue, null, { ref: 'A', type: 'S', name: 'A', childCategories: ['SHOES'] }),
      message: 'cannot take childCategories',
    },
    {
      title: 'an unknown category',
      call: () => run(validateProductCategoriesExist, catalogue, null, { categoryRefs: ['SHOES', 'HATS'] }),
      message: 'no categories "HATS"',
    },
  ])('throws for $title', ({ call, message }) => {
    expect(call).toThrow(message);
  });
});

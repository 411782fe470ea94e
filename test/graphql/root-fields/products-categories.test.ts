/**
 * Products & categories: product catalogues, categories, standard / variant / group products,
 * the `product` interface lookup, `prices`, and removing categories from products.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck } from './support/harness.js';

const CAT = { ref: 'PC:TEST:1' };
const NOW = '2026-01-15T09:00:00.000Z';
const TAX = { country: 'AU', group: 'STANDARD', tariff: 'GST' };

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('product catalogues', () => {
  it('createProductCatalogue creates an orchestrated catalogue', async () => {
    const { createProductCatalogue: c } = await h.ok(
      `mutation ($input: CreateProductCatalogueInput) {
        createProductCatalogue(input: $input) { id ref type name description retailerRefs status workflowRef workflowVersion createdOn attributes { name type value } }
      }`,
      {
        input: {
          ref: CAT.ref,
          type: 'MASTER',
          name: 'Test catalogue',
          description: 'Root-field tests',
          retailerRefs: ['1'],
          attributes: [{ name: 'season', type: 'STRING', value: 'AW26' }],
        },
      },
    );
    expect(c).toMatchObject({
      ref: 'PC:TEST:1',
      type: 'MASTER',
      name: 'Test catalogue',
      description: 'Root-field tests',
      retailerRefs: ['1'],
      status: 'CREATED',
      workflowRef: 'PRODUCT_CATALOGUE::MASTER',
      workflowVersion: expect.any(Number),
      createdOn: NOW,
    });
    expect(c.attributes).toEqual([{ name: 'season', type: 'STRING', value: 'AW26' }]);
    expect(c.id).toMatch(/^\d+$/);
  });

  it('productCatalogue(ref) returns the created catalogue', async () => {
    const { productCatalogue, seeded } = await h.ok(`{
      productCatalogue(ref: "PC:TEST:1") { ref type name description retailerRefs }
      seeded: productCatalogue(ref: "PC:MASTER:1") { ref type name }
    }`);
    expect(productCatalogue).toEqual({ ref: 'PC:TEST:1', type: 'MASTER', name: 'Test catalogue', description: 'Root-field tests', retailerRefs: ['1'] });
    expect(seeded).toEqual({ ref: 'PC:MASTER:1', type: 'MASTER', name: 'Master product catalogue' });
  });

  it('productCatalogues finds it by filter and not by a non-matching filter', async () => {
    const d = await h.ok(
      `query ($now: DateRange, $old: DateRange) {
        byRef: productCatalogues(ref: ["PC:TEST:1"]) { edges { node { ref name } } }
        byName: productCatalogues(name: ["Test catalogue"], type: ["MASTER"]) { edges { node { ref } } }
        byDate: productCatalogues(createdOn: $now, first: 50) { edges { node { ref } } }
        byRetailer: productCatalogues(retailerRefs: [["1"]]) { edges { node { ref } } }
        wrongName: productCatalogues(name: ["No such catalogue"]) { edges { node { ref } } }
        wrongDate: productCatalogues(ref: ["PC:TEST:1"], createdOn: $old) { edges { node { ref } } }
      }`,
      { now: AROUND_NOW, old: LONG_AGO },
    );
    expect(nodes(d.byRef)).toEqual([{ ref: 'PC:TEST:1', name: 'Test catalogue' }]);
    expect(pluck(d.byName)).toEqual(['PC:TEST:1']);
    expect(pluck(d.byDate)).toEqual(expect.arrayContaining(['PC:TEST:1', 'PC:MASTER:1']));
    expect(pluck(d.byRetailer)).toEqual(expect.arrayContaining(['PC:TEST:1', 'PC:MASTER:1']));
    expect(pluck(d.wrongName)).toEqual([]);
    expect(pluck(d.wrongDate)).toEqual([]);
  });

  it('updateProductCatalogue changes name and status', async () => {
    const { updateProductCatalogue: u } = await h.ok(`mutation {
      updateProductCatalogue(input: { ref: "PC:TEST:1", name: "Renamed catalogue", status: "INACTIVE" }) { ref name status description }
    }`);
    expect(u).toEqual({ ref: 'PC:TEST:1', name: 'Renamed catalogue', status: 'INACTIVE', description: 'Root-field tests' });
    const { productCatalogue, inactive } = await h.ok(`{
      productCatalogue(ref: "PC:TEST:1") { name status }
      inactive: productCatalogues(status: ["INACTIVE"]) { edges { node { ref } } }
    }`);
    expect(productCatalogue).toEqual({ name: 'Renamed catalogue', status: 'INACTIVE' });
    expect(pluck(inactive)).toEqual(['PC:TEST:1']);
  });
});

describe('categories', () => {
  it('createCategory creates a category (and a child naming its parent) in a catalogue', async () => {
    const { parent, child } = await h.ok(`mutation {
      parent: createCategory(input: { ref: "SHOES", catalogue: { ref: "PC:TEST:1" }, type: "STANDARD", name: "Shoes", summary: "All shoes" }) {
        ref type name summary status workflowRef catalogue { ref }
      }
      child: createCategory(input: { ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" }, type: "STANDARD", name: "Sneakers", parentCategory: { ref: "SHOES", catalogue: { ref: "PC:TEST:1" } } }) {
        ref name parentCategory { ref name }
      }
    }`);
    expect(parent).toEqual({
      ref: 'SHOES',
      type: 'STANDARD',
      name: 'Shoes',
      summary: 'All shoes',
      status: 'CREATED',
      workflowRef: 'CATEGORY::STANDARD',
      catalogue: { ref: 'PC:TEST:1' },
    });
    expect(child).toEqual({ ref: 'SNEAKERS', name: 'Sneakers', parentCategory: { ref: 'SHOES', name: 'Shoes' } });
  });

  it('createCategory with an unknown catalogue fails with C0120E', async () => {
    const errors = await h.fail(`mutation { createCategory(input: { ref: "X", catalogue: { ref: "NO-SUCH" }, type: "STANDARD", name: "X" }) { id } }`);
    expect(errors[0]!.message).toContain('C0120E');
  });

  it('category(ref, catalogue) returns it, scoped to its catalogue', async () => {
    const { category, otherCatalogue, seeded } = await h.ok(`{
      category(ref: "SHOES", catalogue: { ref: "PC:TEST:1" }) { ref name summary catalogue { ref name } childCategories { edges { node { ref } } } }
      otherCatalogue: category(ref: "SHOES", catalogue: { ref: "PC:MASTER:1" }) { ref }
      seeded: category(ref: "APPAREL", catalogue: { ref: "PC:MASTER:1" }) { ref name summary }
    }`);
    expect(category).toMatchObject({ ref: 'SHOES', name: 'Shoes', summary: 'All shoes', catalogue: { ref: 'PC:TEST:1', name: 'Renamed catalogue' } });
    expect(pluck(category.childCategories)).toEqual(['SNEAKERS']);
    expect(otherCatalogue).toBeNull();
    expect(seeded).toEqual({ ref: 'APPAREL', name: 'Apparel', summary: 'Apparel products' });
  });

  it('categories finds by catalogue/name and not by a non-matching filter; productCatalogue.categories lists them', async () => {
    const d = await h.ok(`{
      byCatalogue: categories(catalogue: { ref: "PC:TEST:1" }) { edges { node { ref } } }
      byName: categories(name: ["Sneakers"]) { edges { node { ref catalogue { ref } } } }
      seeded: categories(catalogue: { ref: "PC:MASTER:1" }) { edges { node { ref } } }
      wrong: categories(catalogue: { ref: "PC:TEST:1" }, name: ["Apparel"]) { edges { node { ref } } }
      productCatalogue(ref: "PC:TEST:1") { categories { edges { node { ref } } } }
    }`);
    expect(pluck(d.byCatalogue).sort()).toEqual(['SHOES', 'SNEAKERS']);
    expect(nodes(d.byName)).toEqual([{ ref: 'SNEAKERS', catalogue: { ref: 'PC:TEST:1' } }]);
    expect(pluck(d.seeded).sort()).toEqual(['APPAREL', 'FOOTWEAR']);
    expect(pluck(d.wrong)).toEqual([]);
    expect(pluck(d.productCatalogue.categories).sort()).toEqual(['SHOES', 'SNEAKERS']);
  });

  it('updateCategory changes name and summary', async () => {
    const { updateCategory: u } = await h.ok(`mutation {
      updateCategory(input: { ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" }, name: "Sneakers & Trainers", summary: "Casual", status: "INACTIVE" }) { ref name summary status }
    }`);
    expect(u).toEqual({ ref: 'SNEAKERS', name: 'Sneakers & Trainers', summary: 'Casual', status: 'INACTIVE' });
    const { category } = await h.ok(`{ category(ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" }) { name summary status parentCategory { ref } } }`);
    expect(category).toEqual({ name: 'Sneakers & Trainers', summary: 'Casual', status: 'INACTIVE', parentCategory: { ref: 'SHOES' } });
  });
});

describe('standard, variant and group products', () => {
  it('createStandardProduct stores categories, prices, tax and attributes', async () => {
    const { createStandardProduct: p } = await h.ok(
      `mutation ($input: CreateStandardProductInput) {
        createStandardProduct(input: $input) {
          ref type gtin name summary status workflowRef workflowVersion catalogue { ref }
          categories { edges { node { ref } } } prices { type currency value } tax { country group tariff } attributes { name type value }
        }
      }`,
      {
        input: {
          ref: 'SNEAKER',
          catalogue: CAT,
          type: 'STANDARD',
          gtin: '9311111111111',
          name: 'City Sneaker',
          summary: 'Leather sneaker',
          categories: [
            { ref: 'SHOES', catalogue: CAT },
            { ref: 'SNEAKERS', catalogue: CAT },
          ],
          prices: [
            { type: 'DEFAULT', currency: 'AUD', value: 119.5 },
            { type: 'SALE', currency: 'AUD', value: 12.34 },
          ],
          taxType: TAX,
          attributes: [{ name: 'brand', type: 'STRING', value: 'Simmers' }],
        },
      },
    );
    expect(p).toMatchObject({
      ref: 'SNEAKER',
      type: 'STANDARD',
      gtin: '9311111111111',
      name: 'City Sneaker',
      summary: 'Leather sneaker',
      status: 'CREATED',
      workflowRef: 'PRODUCT::STANDARD',
      workflowVersion: expect.any(Number),
      catalogue: CAT,
    });
    expect(pluck(p.categories).sort()).toEqual(['SHOES', 'SNEAKERS']);
    expect(p.prices).toEqual([
      { type: 'DEFAULT', currency: 'AUD', value: 119.5 },
      { type: 'SALE', currency: 'AUD', value: 12.34 },
    ]);
    expect(p.tax).toEqual(TAX);
    expect(p.attributes).toEqual([{ name: 'brand', type: 'STRING', value: 'Simmers' }]);
  });

  it('createStandardProduct with the same ref in the same catalogue fails with C0121E', async () => {
    const errors = await h.fail(
      `mutation { createStandardProduct(input: { ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }, type: "STANDARD", gtin: "1", name: "Dup" }) { id } }`,
    );
    expect(errors[0]!.message).toContain('C0121E');
  });

  it('createVariantProduct links the standard product', async () => {
    const { createVariantProduct: v } = await h.ok(`mutation {
      createVariantProduct(input: {
        ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }, type: "VARIANT", gtin: "9311111111112", name: "City Sneaker White 42",
        product: { ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" } },
        categories: [{ ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" } }],
        prices: [{ type: "DEFAULT", currency: "AUD", value: 119.5 }],
        taxType: { country: "AU", group: "STANDARD", tariff: "GST" }
      }) { ref type gtin name status workflowRef product { ref name } catalogue { ref } categories { edges { node { ref } } } tax { tariff } }
    }`);
    expect(v).toMatchObject({
      ref: 'SNEAKER-WHT-42',
      type: 'VARIANT',
      gtin: '9311111111112',
      name: 'City Sneaker White 42',
      status: 'CREATED',
      workflowRef: 'PRODUCT::VARIANT',
      product: { ref: 'SNEAKER', name: 'City Sneaker' },
      catalogue: CAT,
      tax: { tariff: 'GST' },
    });
    expect(pluck(v.categories)).toEqual(['SNEAKERS']);
  });

  it('createGroupProduct groups existing products', async () => {
    const { createGroupProduct: g } = await h.ok(`mutation {
      createGroupProduct(input: {
        ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }, type: "GROUP", name: "Sneaker bundle", summary: "Sneaker and laces",
        products: [{ ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" } }, { ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" } }],
        categories: [{ ref: "SHOES", catalogue: { ref: "PC:TEST:1" } }],
        prices: [{ type: "DEFAULT", currency: "AUD", value: 150 }]
      }) { ref type name summary status workflowRef catalogue { ref } categories { edges { node { ref } } } prices { value } }
    }`);
    expect(g).toMatchObject({
      ref: 'SNEAKER-BUNDLE',
      type: 'GROUP',
      name: 'Sneaker bundle',
      summary: 'Sneaker and laces',
      status: 'CREATED',
      workflowRef: 'PRODUCT::GROUP',
      catalogue: CAT,
      prices: [{ value: 150 }],
    });
    expect(pluck(g.categories)).toEqual(['SHOES']);
  });

  it('standardProduct / variantProduct / groupProduct look each up by ref and catalogue', async () => {
    const d = await h.ok(`{
      standardProduct(ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }) { ref name gtin prices { type value } variants { edges { node { ref } } } }
      variantProduct(ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }) { ref name product { ref } }
      groupProduct(ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }) { ref name }
      seededVariant: variantProduct(ref: "TSHIRT-BLK-M", catalogue: { ref: "PC:MASTER:1" }) { ref name gtin product { ref } prices { currency value } }
      wrongCatalogue: standardProduct(ref: "SNEAKER", catalogue: { ref: "PC:MASTER:1" }) { ref }
      wrongType: groupProduct(ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }) { ref }
    }`);
    expect(d.standardProduct).toMatchObject({
      ref: 'SNEAKER',
      name: 'City Sneaker',
      gtin: '9311111111111',
      prices: [
        { type: 'DEFAULT', value: 119.5 },
        { type: 'SALE', value: 12.34 },
      ],
    });
    expect(pluck(d.standardProduct.variants)).toEqual(['SNEAKER-WHT-42']);
    expect(d.variantProduct).toEqual({ ref: 'SNEAKER-WHT-42', name: 'City Sneaker White 42', product: { ref: 'SNEAKER' } });
    expect(d.groupProduct).toEqual({ ref: 'SNEAKER-BUNDLE', name: 'Sneaker bundle' });
    expect(d.seededVariant).toEqual({
      ref: 'TSHIRT-BLK-M',
      name: 'Classic T-Shirt Black M',
      gtin: '9300000000002',
      product: { ref: 'TSHIRT' },
      prices: [{ currency: 'AUD', value: 29.95 }],
    });
    expect(d.wrongCatalogue).toBeNull();
    expect(d.wrongType).toBeNull();
  });

  it('product(ref, catalogue) resolves the interface to the concrete type', async () => {
    const d = await h.ok(`{
      standard: product(ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }) { __typename ref name ... on StandardProduct { gtin } }
      variant: product(ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }) { __typename ref ... on VariantProduct { product { ref } } }
      group: product(ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }) { __typename ref }
      seeded: product(ref: "RUNNER", catalogue: { ref: "PC:MASTER:1" }) { __typename ref name prices { value } }
      missing: product(ref: "NOPE", catalogue: { ref: "PC:TEST:1" }) { ref }
    }`);
    expect(d.standard).toEqual({ __typename: 'StandardProduct', ref: 'SNEAKER', name: 'City Sneaker', gtin: '9311111111111' });
    expect(d.variant).toEqual({ __typename: 'VariantProduct', ref: 'SNEAKER-WHT-42', product: { ref: 'SNEAKER' } });
    expect(d.group).toEqual({ __typename: 'GroupProduct', ref: 'SNEAKER-BUNDLE' });
    expect(d.seeded).toEqual({ __typename: 'StandardProduct', ref: 'RUNNER', name: 'Trail Runner', prices: [{ value: 149 }] });
    expect(d.missing).toBeNull();
  });

  it('standardProducts / variantProducts / groupProducts search by catalogue, gtin, name and category', async () => {
    const d = await h.ok(`{
      std: standardProducts(catalogue: { ref: "PC:TEST:1" }) { edges { node { ref } } }
      stdByGtin: standardProducts(gtin: ["9311111111111"]) { edges { node { ref catalogue { ref } } } }
      stdSeeded: standardProducts(catalogue: { ref: "PC:MASTER:1" }) { edges { node { ref } } }
      stdWrong: standardProducts(catalogue: { ref: "PC:TEST:1" }, gtin: ["9300000000001"]) { edges { node { ref } } }
      variants: variantProducts(catalogue: { ref: "PC:TEST:1" }, name: ["City Sneaker White 42"]) { edges { node { ref product { ref } } } }
      variantsSeeded: variantProducts(catalogue: { ref: "PC:MASTER:1" }, first: 50) { edges { node { ref } } }
      variantsWrong: variantProducts(catalogue: { ref: "PC:TEST:1" }, name: ["Classic T-Shirt Black M"]) { edges { node { ref } } }
      groups: groupProducts(catalogue: { ref: "PC:TEST:1" }, type: ["GROUP"]) { edges { node { ref name } } }
      groupsWrong: groupProducts(catalogue: { ref: "PC:MASTER:1" }) { edges { node { ref } } }
    }`);
    expect(pluck(d.std)).toEqual(['SNEAKER']);
    expect(nodes(d.stdByGtin)).toEqual([{ ref: 'SNEAKER', catalogue: { ref: 'PC:TEST:1' } }]);
    expect(pluck(d.stdSeeded).sort()).toEqual(['HOODIE', 'RUNNER', 'TSHIRT']);
    expect(pluck(d.stdWrong)).toEqual([]);
    expect(nodes(d.variants)).toEqual([{ ref: 'SNEAKER-WHT-42', product: { ref: 'SNEAKER' } }]);
    expect(pluck(d.variantsSeeded).sort()).toEqual(['HOODIE-GRY-M', 'RUNNER-42', 'RUNNER-43', 'TSHIRT-BLK-L', 'TSHIRT-BLK-M']);
    expect(pluck(d.variantsWrong)).toEqual([]);
    expect(nodes(d.groups)).toEqual([{ ref: 'SNEAKER-BUNDLE', name: 'Sneaker bundle' }]);
    expect(pluck(d.groupsWrong)).toEqual([]);
  });

  it('standardProducts / variantProducts / groupProducts filter by category (arg `category`, field `categories`)', async () => {
    const d = await h.ok(`{
      std: standardProducts(category: { ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" } }) { edges { node { ref } } }
      stdSeeded: standardProducts(category: { ref: "FOOTWEAR", catalogue: { ref: "PC:MASTER:1" } }) { edges { node { ref } } }
      variants: variantProducts(category: { ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" } }) { edges { node { ref } } }
      groups: groupProducts(category: { ref: "SHOES", catalogue: { ref: "PC:TEST:1" } }) { edges { node { ref } } }
      wrong: standardProducts(category: { ref: "APPAREL", catalogue: { ref: "PC:MASTER:1" } }, catalogue: { ref: "PC:TEST:1" }) { edges { node { ref } } }
    }`);
    expect(pluck(d.std)).toEqual(['SNEAKER']);
    expect(pluck(d.stdSeeded)).toEqual(['RUNNER']);
    expect(pluck(d.variants)).toEqual(['SNEAKER-WHT-42']);
    expect(pluck(d.groups)).toEqual(['SNEAKER-BUNDLE']);
    expect(pluck(d.wrong)).toEqual([]);
  });

  it('updateStandardProduct / updateVariantProduct / updateGroupProduct change fields; attributes upsert by name', async () => {
    const d = await h.ok(`mutation {
      std: updateStandardProduct(input: { ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }, name: "City Sneaker II", status: "INACTIVE",
        attributes: [{ name: "brand", type: "STRING", value: "Simmers Co" }, { name: "material", type: "STRING", value: "leather" }] }) { ref name status attributes { name value } }
      variant: updateVariantProduct(input: { ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }, summary: "White, EU 42", prices: [{ type: "DEFAULT", currency: "AUD", value: 99 }] }) { ref summary prices { value } }
      group: updateGroupProduct(input: { ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }, name: "Sneaker starter bundle" }) { ref name }
    }`);
    expect(d.std).toEqual({
      ref: 'SNEAKER',
      name: 'City Sneaker II',
      status: 'INACTIVE',
      attributes: [
        { name: 'brand', value: 'Simmers Co' },
        { name: 'material', value: 'leather' },
      ],
    });
    expect(d.variant).toEqual({ ref: 'SNEAKER-WHT-42', summary: 'White, EU 42', prices: [{ value: 99 }] });
    expect(d.group).toEqual({ ref: 'SNEAKER-BUNDLE', name: 'Sneaker starter bundle' });
    const after = await h.ok(`{
      standardProduct(ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }) { name status gtin }
      variantProduct(ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }) { summary name prices { value } }
      groupProduct(ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }) { name summary }
      inactive: standardProducts(status: ["INACTIVE"]) { edges { node { ref } } }
    }`);
    expect(after.standardProduct).toEqual({ name: 'City Sneaker II', status: 'INACTIVE', gtin: '9311111111111' });
    expect(after.variantProduct).toEqual({ summary: 'White, EU 42', name: 'City Sneaker White 42', prices: [{ value: 99 }] });
    expect(after.groupProduct).toEqual({ name: 'Sneaker starter bundle', summary: 'Sneaker and laces' });
    expect(pluck(after.inactive)).toEqual(['SNEAKER']);
  });

  it('prices searches the prices of all products by type, currency and value', async () => {
    const d = await h.ok(`{
      sale: prices(type: ["SALE"]) { edges { node { type currency value } } }
      byValue: prices(currency: ["AUD"], value: [29.95]) { edges { node { type currency value } } }
      none: prices(currency: ["JPY"]) { edges { node { value } } }
    }`);
    expect(nodes(d.sale)).toEqual([{ type: 'SALE', currency: 'AUD', value: 12.34 }]);
    expect(nodes(d.byValue).length).toBeGreaterThan(0);
    for (const p of nodes(d.byValue)) expect(p).toEqual({ type: 'DEFAULT', currency: 'AUD', value: 29.95 });
    expect(nodes(d.none)).toEqual([]);
  });
});

describe('removing categories from products', () => {
  it('removeCategoriesFromStandardProduct drops the category from the product', async () => {
    const { removeCategoriesFromStandardProduct: r } = await h.ok(`mutation {
      removeCategoriesFromStandardProduct(input: { standardProduct: { ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" } }, categories: [{ ref: "SHOES", catalogue: { ref: "PC:TEST:1" } }] }) { status }
    }`);
    expect(typeof r.status).toBe('string');
    const { standardProduct } = await h.ok(`{ standardProduct(ref: "SNEAKER", catalogue: { ref: "PC:TEST:1" }) { categories { edges { node { ref } } } } }`);
    expect(pluck(standardProduct.categories)).toEqual(['SNEAKERS']);
  });

  it('removeCategoriesFromVariantProduct drops the category from the variant', async () => {
    const { removeCategoriesFromVariantProduct: r } = await h.ok(`mutation {
      removeCategoriesFromVariantProduct(input: { variantProduct: { ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" } }, categories: [{ ref: "SNEAKERS", catalogue: { ref: "PC:TEST:1" } }] }) { status }
    }`);
    expect(typeof r.status).toBe('string');
    const { variantProduct } = await h.ok(
      `{ variantProduct(ref: "SNEAKER-WHT-42", catalogue: { ref: "PC:TEST:1" }) { categories { edges { node { ref } } } } }`,
    );
    expect(pluck(variantProduct.categories)).toEqual([]);
  });

  it('removeCategoriesFromGroupProduct drops the category from the group', async () => {
    const { removeCategoriesFromGroupProduct: r } = await h.ok(`mutation {
      removeCategoriesFromGroupProduct(input: { groupProduct: { ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" } }, categories: [{ ref: "SHOES", catalogue: { ref: "PC:TEST:1" } }] }) { status }
    }`);
    expect(typeof r.status).toBe('string');
    const { groupProduct } = await h.ok(`{ groupProduct(ref: "SNEAKER-BUNDLE", catalogue: { ref: "PC:TEST:1" }) { categories { edges { node { ref } } } } }`);
    expect(pluck(groupProduct.categories)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const categoriesOf = async (t: TestApp, field: 'standardProduct' | 'variantProduct' | 'groupProduct', ref: string): Promise<string[]> => {
  const data = await ok<Record<string, { categories: { edges: { node: { ref: string } }[] } }>>(
    t,
    `query($ref: String!) { ${field}(ref: $ref, catalogue: {ref: "PC:MASTER:1"}) { categories { edges { node { ref } } } } }`,
    { ref },
  );
  return data[field]!.categories.edges.map((e) => e.node.ref).sort();
};

describe('Mutation.removeCategoriesFromStandardProduct', () => {
  const MUTATION = `mutation($product: String!, $categories: [CategoryKey!]!) {
    removeCategoriesFromStandardProduct(input: {standardProduct: {ref: $product, catalogue: {ref: "PC:MASTER:1"}}, categories: $categories}) { status }
  }`;

  it('removes the named categories and keeps the others', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation { updateStandardProduct(input: {ref: "TSHIRT", catalogue: {ref: "PC:MASTER:1"}, categories: [{ref: "APPAREL", catalogue: {ref: "PC:MASTER:1"}}, {ref: "FOOTWEAR", catalogue: {ref: "PC:MASTER:1"}}]}) { id } }`,
    );
    expect(await categoriesOf(t, 'standardProduct', 'TSHIRT')).toEqual(['APPAREL', 'FOOTWEAR']);
    const data = await ok<{ removeCategoriesFromStandardProduct: { status: string } }>(t, MUTATION, {
      product: 'TSHIRT',
      categories: [{ ref: 'FOOTWEAR', catalogue: { ref: 'PC:MASTER:1' } }],
    });
    expect(data.removeCategoriesFromStandardProduct.status).toBe('SUCCESS');
    expect(await categoriesOf(t, 'standardProduct', 'TSHIRT')).toEqual(['APPAREL']);
  });

  it('answers C0120E for an unknown category and changes nothing', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, {
      product: 'TSHIRT',
      categories: [
        { ref: 'APPAREL', catalogue: { ref: 'PC:MASTER:1' } },
        { ref: 'NOPE', catalogue: { ref: 'PC:MASTER:1' } },
      ],
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect(await categoriesOf(t, 'standardProduct', 'TSHIRT')).toEqual(['APPAREL']);
  });

  it('answers C0120E for an unknown product', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { product: 'NOPE', categories: [{ ref: 'APPAREL', catalogue: { ref: 'PC:MASTER:1' } }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});

describe('Mutation.removeCategoriesFromVariantProduct', () => {
  it('removes the category from the variant only', async () => {
    const t = await createTestApp();
    const data = await ok<{ removeCategoriesFromVariantProduct: { status: string } }>(
      t,
      `mutation { removeCategoriesFromVariantProduct(input: {variantProduct: {ref: "TSHIRT-BLK-M", catalogue: {ref: "PC:MASTER:1"}}, categories: [{ref: "APPAREL", catalogue: {ref: "PC:MASTER:1"}}]}) { status } }`,
    );
    expect(data.removeCategoriesFromVariantProduct.status).toBe('SUCCESS');
    expect(await categoriesOf(t, 'variantProduct', 'TSHIRT-BLK-M')).toEqual([]);
    expect(await categoriesOf(t, 'variantProduct', 'TSHIRT-BLK-L')).toEqual(['APPAREL']);
  });
});

describe('Mutation.removeCategoriesFromGroupProduct', () => {
  it('removes the category from a group product', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation { createGroupProduct(input: {ref: "TEE-PACK", catalogue: {ref: "PC:MASTER:1"}, type: "GROUP", name: "Tee pack", categories: [{ref: "APPAREL", catalogue: {ref: "PC:MASTER:1"}}, {ref: "FOOTWEAR", catalogue: {ref: "PC:MASTER:1"}}]}) { id } }`,
    );
    await ok(
      t,
      `mutation { removeCategoriesFromGroupProduct(input: {groupProduct: {ref: "TEE-PACK", catalogue: {ref: "PC:MASTER:1"}}, categories: [{ref: "APPAREL", catalogue: {ref: "PC:MASTER:1"}}]}) { status } }`,
    );
    expect(await categoriesOf(t, 'groupProduct', 'TEE-PACK')).toEqual(['FOOTWEAR']);
  });

  it('needs the product ref (C0140E)', async () => {
    const t = await createTestApp();
    const res = await t.gql(
      `mutation { removeCategoriesFromGroupProduct(input: {groupProduct: {catalogue: {ref: "PC:MASTER:1"}}, categories: []}) { status } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('C0140E');
  });
});

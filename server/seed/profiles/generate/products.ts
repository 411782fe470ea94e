/** The product catalogue: categories, standard products with prices and GTINs, and their variants. */
import { ean13 } from '../gtin.js';
import type { ProfileContext } from './profile-context.js';
import { CURRENCY, GS1_PREFIX_AU, PRODUCT_CATALOGUE_REF, PROFILE_RETAILER_ID, SIZES, TAX_TYPE, type Sku } from './profile-data.js';

export type Products = { skus: Sku[]; productCount: number };

type Catalogue = { ref: string };
type Product = {
  ref: string;
  name: string;
  category: { ref: string; catalogue: Catalogue };
  prices: { type: string; currency: string; value: number }[];
  brand: string;
  value: number;
};

export function generateProducts(ctx: ProfileContext): Products {
  const { faker, sizes, step, code, unique } = ctx;
  const catalogue = { ref: PRODUCT_CATALOGUE_REF };
  step('createProductCatalogue', {
    ref: PRODUCT_CATALOGUE_REF,
    type: 'MASTER',
    name: 'Master product catalogue',
    description: 'Products of retailer 1',
    retailerRefs: [PROFILE_RETAILER_ID],
  });
  const categoryNames = new Set<string>();
  const categories: string[] = [];
  for (let c = 0; c < sizes.categories; c += 1) {
    const name = unique(() => (c < 20 ? faker.commerce.department() : `${faker.commerce.productAdjective()} ${faker.commerce.department()}`), categoryNames);
    const ref = `CAT_${code(name)}`;
    step('createCategory', { ref, catalogue, type: 'STANDARD', name, summary: `${name} products` });
    categories.push(ref);
  }
  const brands = Array.from({ length: Math.max(3, Math.ceil(sizes.products / 40)) }, () => faker.company.name());
  const out: Products = { skus: [], productCount: 0 };
  for (let p = 1; out.productCount < sizes.products; p += 1) generateProduct(ctx, catalogue, categories, brands, p, out);
  return out;
}

/** One standard product and, for about two thirds of them, 1…max sizes of one colour. */
function generateProduct(ctx: ProfileContext, catalogue: Catalogue, categories: readonly string[], brands: readonly string[], p: number, out: Products): void {
  const { faker, sizes, step, money } = ctx;
  const ref = `P${String(p).padStart(5, '0')}`;
  const name = faker.commerce.productName();
  const category = { ref: faker.helpers.arrayElement(categories), catalogue };
  const value = Math.floor(Number(faker.commerce.price({ min: 5, max: 400 }))) + 0.95;
  const prices = [{ type: 'DEFAULT', currency: CURRENCY, value }];
  if (faker.datatype.boolean({ probability: 0.2 })) prices.push({ type: 'SALE', currency: CURRENCY, value: money(Math.floor(value * 0.8) - 0.05) });
  // About a third of the products are sold as they are; the others in 1…max sizes of one colour.
  const wanted =
    sizes.maxVariantsPerProduct > 0 && !faker.datatype.boolean({ probability: 0.35 }) ? faker.number.int({ min: 1, max: sizes.maxVariantsPerProduct }) : 0;
  const variantCount = Math.min(wanted, sizes.products - out.productCount - 1, SIZES.length);
  const brand = faker.helpers.arrayElement(brands);
  out.productCount += 1;
  step('createStandardProduct', {
    ref,
    catalogue,
    type: 'STANDARD',
    gtin: ean13(GS1_PREFIX_AU, out.productCount),
    name,
    summary: faker.commerce.productDescription(),
    categories: [category],
    prices,
    taxType: TAX_TYPE,
    attributes: [{ name: 'brand', type: 'STRING', value: brand }],
  });
  if (variantCount === 0) {
    out.skus.push({ ref, price: value });
    return;
  }
  generateVariants(ctx, catalogue, { ref, name, category, prices, brand, value }, variantCount, out);
}

function generateVariants(ctx: ProfileContext, catalogue: Catalogue, product: Product, variantCount: number, out: Products): void {
  const { faker, step, code } = ctx;
  const { ref, name, category, prices, brand, value } = product;
  const colour = faker.color.human();
  const colourCode = code(colour).replace(/_/g, '').slice(0, 3);
  for (const size of faker.helpers.arrayElements(SIZES, variantCount).sort((a, b) => SIZES.indexOf(a) - SIZES.indexOf(b))) {
    const variantRef = `${ref}-${colourCode}-${size}`;
    out.productCount += 1;
    step('createVariantProduct', {
      ref: variantRef,
      catalogue,
      type: 'VARIANT',
      product: { ref, catalogue },
      gtin: ean13(GS1_PREFIX_AU, out.productCount),
      name: `${name} ${colour} ${size}`,
      summary: `${name}, ${colour}, size ${size}`,
      categories: [category],
      prices,
      taxType: TAX_TYPE,
      attributes: [
        { name: 'brand', type: 'STRING', value: brand },
        { name: 'colour', type: 'STRING', value: colour },
        { name: 'size', type: 'STRING', value: size },
      ],
    });
    out.skus.push({ ref: variantRef, price: value });
  }
}

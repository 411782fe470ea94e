/**
 * `globalinventory.CreateVariantProduct` (Inventory Reference Module, accepts PRODUCT_CATALOGUE):
 * creates a variant product from the UPSERT_PRODUCT attributes.
 * https://docs.fluentcommerce.com/building-blocks/createvariantproduct — see support/product-upsert.ts.
 */
import { createProductRule } from './support/product-upsert.js';

export const createVariantProduct = createProductRule('VARIANT');

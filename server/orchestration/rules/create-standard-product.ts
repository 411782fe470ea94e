/**
 * `globalinventory.CreateStandardProduct` (Inventory Reference Module, accepts PRODUCT_CATALOGUE):
 * creates a standard product from the UPSERT_PRODUCT attributes.
 * https://docs.fluentcommerce.com/building-blocks/createstandardproduct — see support/product-upsert.ts.
 */
import { createProductRule } from './support/product-upsert.js';

export const createStandardProduct = createProductRule('STANDARD');

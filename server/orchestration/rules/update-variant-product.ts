/**
 * `globalinventory.UpdateVariantProduct` (Inventory Reference Module, accepts PRODUCT): updates the
 * variant product from the UPSERT_PRODUCT attributes.
 * https://docs.fluentcommerce.com/building-blocks/updatevariantproduct — see support/product-upsert.ts.
 */
import { updateProductRule } from './support/product-upsert.js';

export const updateVariantProduct = updateProductRule('VARIANT');

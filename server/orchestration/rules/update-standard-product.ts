/**
 * `globalinventory.UpdateStandardProduct` (Inventory Reference Module, accepts PRODUCT): updates the
 * standard product from the UPSERT_PRODUCT attributes.
 * https://docs.fluentcommerce.com/building-blocks/updatestandardproduct — see support/product-upsert.ts.
 */
import { updateProductRule } from './support/product-upsert.js';

export const updateStandardProduct = updateProductRule('STANDARD');

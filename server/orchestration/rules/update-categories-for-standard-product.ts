/**
 * `globalinventory.UpdateCategoriesForStandardProduct` (Inventory Reference Module, accepts PRODUCT):
 * the product's categories become exactly event attribute `categoryRefs`.
 * https://docs.fluentcommerce.com/building-blocks/updatecategoriesforstandardproduct — see support/product-upsert.ts.
 */
import { updateCategoriesRule } from './support/product-upsert.js';

export const updateCategoriesForStandardProduct = updateCategoriesRule('STANDARD');

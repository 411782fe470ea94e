/**
 * `globalinventory.ForwardIfVariantProductExists` (Inventory Reference Module): forwards props.eventName
 * to the variant product named by event attribute `ref` when it exists in the catalogue.
 * https://docs.fluentcommerce.com/building-blocks/forwardifvariantproductexists — see support/product-forward.ts.
 */
import { productForwardRule } from './support/product-forward.js';

export const forwardIfVariantProductExists = productForwardRule('VARIANT', 'exists');

/**
 * `globalinventory.ForwardIfVariantProductNotExists` (Inventory Reference Module): renames the event
 * to props.eventName when the catalogue has no variant product with event attribute `ref`.
 * https://docs.fluentcommerce.com/building-blocks/forwardifvariantproductnotexists — see support/product-forward.ts.
 */
import { productForwardRule } from './support/product-forward.js';

export const forwardIfVariantProductNotExists = productForwardRule('VARIANT', 'notExists');

/**
 * `globalinventory.ForwardIfStandardProductExists` (Inventory Reference Module): forwards props.eventName
 * to the standard product named by event attribute `ref` when it exists in the catalogue.
 * https://docs.fluentcommerce.com/building-blocks/forwardifstandardproductexists — see support/product-forward.ts.
 */
import { productForwardRule } from './support/product-forward.js';

export const forwardIfStandardProductExists = productForwardRule('STANDARD', 'exists');

/**
 * `globalinventory.ForwardIfStandardProductNotExists` (Inventory Reference Module): renames the event
 * to props.eventName when the catalogue has no standard product with event attribute `ref`.
 * https://docs.fluentcommerce.com/building-blocks/forwardifstandardproductnotexists — see support/product-forward.ts.
 */
import { productForwardRule } from './support/product-forward.js';

export const forwardIfStandardProductNotExists = productForwardRule('STANDARD', 'notExists');

/**
 * `globalinventory.ForwardIfProductStatusEquals` (Inventory Reference Module, accepts
 * INVENTORY_POSITION; `commongi.…` in real workflows, real-world-usage.md): forwards the event as
 * props.eventName to the position when its product in catalogue props.productCatalogueRef has
 * become props.status, i.e. the product's status is props.status and differs from the position's.
 * A product that cannot be found fails the event (Fluent: RubixException 400).
 * https://docs.fluentcommerce.com/building-blocks/forwardifproductstatusequals
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { findInCatalogue } from './support/product-catalogue.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.ForwardIfProductStatusEquals';

export const forwardIfProductStatusEquals = defineRule({
  name: NAME,
  aliases: ['commongi.ForwardIfProductStatusEquals'],
  description: "Forwards props.eventName when the position's product has become props.status (and the position has not).",
  props: z.object({ eventName, status: z.string().trim().min(1), productCatalogueRef: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const productRef = String(entity.fields['productRef'] ?? '');
    const catalogue = read.find({ entityType: 'PRODUCT_CATALOGUE', ref: props.productCatalogueRef });
    const product = catalogue && findInCatalogue(read, { id: catalogue.id, ref: props.productCatalogueRef }, 'PRODUCT', productRef);
    if (!product) throw new Error(`${NAME}: product "${productRef}" was not found in product catalogue "${props.productCatalogueRef}".`);
    const become = product.status === props.status && product.status !== entity.status;
    return become ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

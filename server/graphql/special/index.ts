/**
 * Root fields that fit none of the generic conventions, by `Root.field`. Each lives in its own
 * file named after the field (shared helpers sit beside them). A key here overrides the generic
 * classification (`field-kinds.ts`), so a conventional-looking field that Fluent answers
 * differently (`me`, `createOrderAndCustomer`) is listed too.
 */
import type { GraphQLContext } from '../context.js';
import { articlesByLocation } from './articles-by-location.js';
import { carrierConsignmentArticleById } from './carrier-consignment-article-by-id.js';
import { consignmentArticleById } from './consignment-article-by-id.js';
import { createComment } from './create-comment.js';
import { createFulfilmentOption } from './create-fulfilment-option.js';
import { createOrderAndCustomer } from './create-order-and-customer.js';
import { inventoryPositionAggregate } from './inventory-position-aggregate.js';
import { inventoryQuantityAggregate } from './inventory-quantity-aggregate.js';
import { me } from './me.js';
import { prices } from './prices.js';
import { removeCategoriesFromGroupProduct } from './remove-categories-from-group-product.js';
import { removeCategoriesFromStandardProduct } from './remove-categories-from-standard-product.js';
import { removeCategoriesFromVariantProduct } from './remove-categories-from-variant-product.js';
import { removeFulfilmentsFromWave } from './remove-fulfilments-from-wave.js';
import { removeLocationsFromNetwork } from './remove-locations-from-network.js';
import { removeNetworksFromLocation } from './remove-networks-from-location.js';
import { removePermissionsFromRole } from './remove-permissions-from-role.js';
import { removeUserRolesFromUser } from './remove-user-roles-from-user.js';
import { searchVirtualInventory } from './search-virtual-inventory.js';
import { updateInventoryPositionsStatusByLocation } from './update-inventory-positions-status-by-location.js';
import { updateInventoryQuantitiesStatus } from './update-inventory-quantities-status.js';
import { updateLocationPrimaryAddress } from './update-location-primary-address.js';
import { updateVirtualPositionsStatusByGroup } from './update-virtual-positions-status-by-group.js';
import { waveItems } from './wave-items.js';

export type SpecialResolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

export const SPECIAL_RESOLVERS: Readonly<Record<string, SpecialResolver>> = {
  // Queries
  'Query.me': me,
  'Query.articlesByLocation': articlesByLocation,
  'Query.consignmentArticleById': consignmentArticleById,
  'Query.carrierConsignmentArticleById': carrierConsignmentArticleById,
  'Query.searchVirtualInventory': searchVirtualInventory,
  'Query.inventoryPositionAggregate': inventoryPositionAggregate,
  'Query.inventoryQuantityAggregate': inventoryQuantityAggregate,
  'Query.prices': prices,
  'Query.waveItems': waveItems,
  // Mutations
  'Mutation.createOrderAndCustomer': createOrderAndCustomer,
  'Mutation.createComment': createComment,
  'Mutation.createFulfilmentOption': createFulfilmentOption,
  'Mutation.updateLocationPrimaryAddress': updateLocationPrimaryAddress,
  'Mutation.updateInventoryPositionsStatusByLocation': updateInventoryPositionsStatusByLocation,
  'Mutation.updateVirtualPositionsStatusByGroup': updateVirtualPositionsStatusByGroup,
  'Mutation.updateInventoryQuantitiesStatus': updateInventoryQuantitiesStatus,
  'Mutation.removeCategoriesFromStandardProduct': removeCategoriesFromStandardProduct,
  'Mutation.removeCategoriesFromVariantProduct': removeCategoriesFromVariantProduct,
  'Mutation.removeCategoriesFromGroupProduct': removeCategoriesFromGroupProduct,
  'Mutation.removeLocationsFromNetwork': removeLocationsFromNetwork,
  'Mutation.removeNetworksFromLocation': removeNetworksFromLocation,
  'Mutation.removeUserRolesFromUser': removeUserRolesFromUser,
  'Mutation.removePermissionsFromRole': removePermissionsFromRole,
  'Mutation.removeFulfilmentsFromWave': removeFulfilmentsFromWave,
};

/**
 * The mutations that fit none of the generic create / update conventions, by mutation name. Each
 * lives in its own file named after the mutation (shared helpers sit beside them). A name here
 * overrides the generic classification (`domain/field-kinds.ts`), so a conventional-looking
 * mutation that Fluent answers differently (`createOrderAndCustomer`) is listed too. Each is
 * written against its own argument shape (`typedCommand`).
 */
import { type Command, typedCommand } from './command.js';
import { createComment } from './create-comment.js';
import { createFulfilmentOption } from './create-fulfilment-option.js';
import { createOrderAndCustomer } from './create-order-and-customer.js';
import { removeCategoriesFromGroupProduct } from './remove-categories-from-group-product.js';
import { removeCategoriesFromStandardProduct } from './remove-categories-from-standard-product.js';
import { removeCategoriesFromVariantProduct } from './remove-categories-from-variant-product.js';
import { removeFulfilmentsFromWave } from './remove-fulfilments-from-wave.js';
import { removeLocationsFromNetwork } from './remove-locations-from-network.js';
import { removeNetworksFromLocation } from './remove-networks-from-location.js';
import { removePermissionsFromRole } from './remove-permissions-from-role.js';
import { removeUserRolesFromUser } from './remove-user-roles-from-user.js';
import { updateInventoryPositionsStatusByLocation } from './update-inventory-positions-status-by-location.js';
import { updateInventoryQuantitiesStatus } from './update-inventory-quantities-status.js';
import { updateLocationPrimaryAddress } from './update-location-primary-address.js';
import { updateVirtualPositionsStatusByGroup } from './update-virtual-positions-status-by-group.js';

export const SPECIAL_COMMANDS: Readonly<Record<string, Command>> = {
  createOrderAndCustomer: typedCommand(createOrderAndCustomer),
  createComment: typedCommand(createComment),
  createFulfilmentOption: typedCommand(createFulfilmentOption),
  updateLocationPrimaryAddress: typedCommand(updateLocationPrimaryAddress),
  updateInventoryPositionsStatusByLocation: typedCommand(updateInventoryPositionsStatusByLocation),
  updateVirtualPositionsStatusByGroup: typedCommand(updateVirtualPositionsStatusByGroup),
  updateInventoryQuantitiesStatus: typedCommand(updateInventoryQuantitiesStatus),
  removeCategoriesFromStandardProduct: typedCommand(removeCategoriesFromStandardProduct),
  removeCategoriesFromVariantProduct: typedCommand(removeCategoriesFromVariantProduct),
  removeCategoriesFromGroupProduct: typedCommand(removeCategoriesFromGroupProduct),
  removeLocationsFromNetwork: typedCommand(removeLocationsFromNetwork),
  removeNetworksFromLocation: typedCommand(removeNetworksFromLocation),
  removeUserRolesFromUser: typedCommand(removeUserRolesFromUser),
  removePermissionsFromRole: typedCommand(removePermissionsFromRole),
  removeFulfilmentsFromWave: typedCommand(removeFulfilmentsFromWave),
};

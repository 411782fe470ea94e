/**
 * The built-in rule catalogue: every rule the simulator implements, one file per rule
 * (design §4, style §8). The registry indexes these by `name` and by each of their `aliases`;
 * workflow files name them with an account prefix (`ACME.core.SetState`), which it strips.
 */
import type { AnyRule } from '../port.js';
import { addEventAttributesToEntity } from './add-event-attributes-to-entity.js';
import { createFulfilment } from './create-fulfilment.js';
import { getLocationsForNetwork } from './get-locations-for-network.js';
import { calculateLocationsDistances } from './calculate-locations-distances.js';
import { searchInventoryAtLocations } from './search-inventory-at-locations.js';
import { selectProposedFulfilment } from './select-proposed-fulfilment.js';
import { forwardIfProposedFulfilmentPresent } from './forward-if-proposed-fulfilment-present.js';
import { forwardIfProposedFulfilmentNotPresent } from './forward-if-proposed-fulfilment-not-present.js';
import { forwardIfMaxSplitLimitReached } from './forward-if-max-split-limit-reached.js';
import { forwardIfMaxSplitLimitNotReached } from './forward-if-max-split-limit-not-reached.js';
import { forwardIfUnfulfilledItemsExist } from './forward-if-unfulfilled-items-exist.js';
import { createFulfilmentForUnfulfillableItems } from './create-fulfilment-for-unfulfillable-items.js';
import { changeStateForUnfulfilableFulfilment } from './change-state-for-unfulfilable-fulfilment.js';
import { scheduleFulfilmentExpiry } from './schedule-fulfilment-expiry.js';
import { forwardIfIncomingAttributeEquals } from './forward-if-incoming-attribute-equals.js';
import { ifPropertyEquals } from './if-property-equals.js';
import { ifPropertyIsNotPresent } from './if-property-is-not-present.js';
import { ifPropertyIsPresent } from './if-property-is-present.js';
import { ifPropertyNotEquals } from './if-property-not-equals.js';
import { scheduleEvent } from './schedule-event.js';
import { sendEventForAllFulfilments } from './send-event-for-all-fulfilments.js';
import { sendEventForOrder } from './send-event-for-order.js';
import { sendEventOnVerifyingAllFulfilmentStates } from './send-event-on-verifying-all-fulfilment-states.js';
import { sendEventOnVerifyingAttributeValue } from './send-event-on-verifying-attribute-value.js';
import { sendEvent } from './send-event.js';
import { sendEventToFulfilmentOnVerifyingOrderStatus } from './send-event-to-fulfilment-on-verifying-order-status.js';
import { sendWebhook } from './send-webhook.js';
import { setState } from './set-state.js';
import { updateOnHand } from './update-on-hand.js';
import { notifyVirtualCataloguesOnNetworksMatch } from './notify-virtual-catalogues-on-networks-match.js';
import { createBaseVirtualPosition } from './create-base-virtual-position.js';
import { createAggregateVirtualPosition } from './create-aggregate-virtual-position.js';
import { changeOrderDeliveryAddress } from './change-order-delivery-address.js';
import { updateInventoryQuantitiesStatus } from './update-inventory-quantities-status.js';
import { updateControlValue } from './update-control-value.js';
import { calculateOnHand } from './calculate-on-hand.js';
import { createFulfilmentInventoryQuantity } from './create-fulfilment-inventory-quantity.js';
import { sendEventOnFulfilmentInventoryUpdate } from './send-event-on-fulfilment-inventory-update.js';
import { updateInventoryQuantity } from './update-inventory-quantity.js';
import { createInventoryQuantity } from './create-inventory-quantity.js';
import { forwardIfOrderCoordinatesNotPresent } from './forward-if-order-coordinates-not-present.js';
import { forwardIfOrderCoordinatesPresent } from './forward-if-order-coordinates-present.js';
import { produceVirtualPositionEventsForControlUpdate } from './produce-virtual-position-events-for-control-update.js';
import { sendEventForCreditMemoToReturn } from './send-event-for-credit-memo-to-return.js';
import { createFulfilmentForFulfilmentChoice } from './create-fulfilment-for-fulfilment-choice.js';
import { scheduleFulfilmentCreationForDeliverAfter } from './schedule-fulfilment-creation-for-deliver-after.js';
import { sendEventForFulfilmentChoice } from './send-event-for-fulfilment-choice.js';
import { sendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice } from './send-event-on-verifying-all-fulfilment-states-by-fulfilment-choice.js';
import { sendEventOnVerifyingAllFulfilmentChoiceStates } from './send-event-on-verifying-all-fulfilment-choice-states.js';
import { verifyBillingAccount } from './verify-billing-account.js';
import { createBillingAccount } from './create-billing-account.js';
import { sendEventForAppeasementToBillingAccount } from './send-event-for-appeasement-to-billing-account.js';
import { createCreditMemoFromAppeasement } from './create-credit-memo-from-appeasement.js';
import { validateRevisedOrder } from './validate-revised-order.js';
import { createRevisedOrder } from './create-revised-order.js';
import { updateRevisedOrderAttribute } from './update-revised-order-attribute.js';
import { sendEventForRevisedOrderToBillingAccount } from './send-event-for-revised-order-to-billing-account.js';
import { createCreditMemoForRevisedOrder } from './create-credit-memo-for-revised-order.js';
import { createReturnOrderFromOrder } from './create-return-order-from-order.js';
import { validateReturnQty } from './validate-return-qty.js';
import { updateOrderItemAttribute } from './update-order-item-attribute.js';
import { sendEventForReturnToBillingAccount } from './send-event-for-return-to-billing-account.js';
import { createCreditMemoFromReturnOrder } from './create-credit-memo-from-return-order.js';
import { sendEventToUpdateInventoryQuantity } from './send-event-to-update-inventory-quantity.js';
import { sendScheduledEvent } from './send-scheduled-event.js';
import { createCategory } from './create-category.js';
import { createInventoryPosition } from './create-inventory-position.js';
import { upsertInventoryQuantity } from './upsert-inventory-quantity.js';
import { deactivateRelatedInventoryQuantities } from './deactivate-related-inventory-quantities.js';
import { updateInventoryPositionOnHand } from './update-inventory-position-on-hand.js';
import { createStandardProduct } from './create-standard-product.js';
import { createVariantProduct } from './create-variant-product.js';
import { downToCategory } from './down-to-category.js';
import { downToProduct } from './down-to-product.js';
import { forwardIfCategoryExists } from './forward-if-category-exists.js';
import { forwardIfCategoryNotExists } from './forward-if-category-not-exists.js';
import { forwardIfStandardProductExists } from './forward-if-standard-product-exists.js';
import { forwardIfStandardProductNotExists } from './forward-if-standard-product-not-exists.js';
import { forwardIfVariantProductExists } from './forward-if-variant-product-exists.js';
import { forwardIfVariantProductNotExists } from './forward-if-variant-product-not-exists.js';
import { updateCategoriesForStandardProduct } from './update-categories-for-standard-product.js';
import { updateCategoriesForVariantProduct } from './update-categories-for-variant-product.js';
import { updateCategory } from './update-category.js';
import { updateStandardProduct } from './update-standard-product.js';
import { updateVariantProduct } from './update-variant-product.js';
import { validateProductCategoriesExist } from './validate-product-categories-exist.js';
import { allocateConfirmedItemsByFulfilmentExpiry } from './allocate-confirmed-items-by-fulfilment-expiry.js';
import { confirmFulfilmentItems } from './confirm-fulfilment-items.js';
import { sendEventForWavePack } from './send-event-for-wave-pack.js';
import { createArticlesForFulfilment } from './create-articles-for-fulfilment.js';
import { createDemoConsignment } from './create-demo-consignment.js';
import { copyAttributesFromFulfilmentToArticle } from './copy-attributes-from-fulfilment-to-article.js';
import { sendEventForArticlesV2 } from './send-event-for-articles-v2.js';
import { sendEventOnVerifyingConsignmentV2 } from './send-event-on-verifying-consignment-v2.js';
import { createWaveByExpiry } from './create-wave-by-expiry.js';
import { createWaveByFulfilmentIds } from './create-wave-by-fulfilment-ids.js';
import { notifyFulfilmentsInWave } from './notify-fulfilments-in-wave.js';
import { sendEventForFulfilmentV2 } from './send-event-for-fulfilment-v2.js';
import { sendEventOnVerifyingAllArticleStates } from './send-event-on-verifying-all-article-states.js';
import { verifyingFulfilmentItems } from './verifying-fulfilment-items.js';
import { forwardIfDeliveryAddressNotPresent } from './forward-if-delivery-address-not-present.js';
import { forwardIfDeliveryAddressPresent } from './forward-if-delivery-address-present.js';
import { forwardIfInventoryPositionStatusEquals } from './forward-if-inventory-position-status-equals.js';
import { forwardIfLocationStatusEquals } from './forward-if-location-status-equals.js';
import { forwardIfProductStatusEquals } from './forward-if-product-status-equals.js';
import { rejectFulfilment } from './reject-fulfilment.js';
import { sendEventToAllInventoryQuantities } from './send-event-to-all-inventory-quantities.js';
import { cancelFulfilment } from './cancel-fulfilment.js';
import { createFinancialTransaction } from './create-financial-transaction.js';
import { sendEventToReturns } from './send-event-to-returns.js';
import { sendEventToUpdateOrderItemAttribute } from './send-event-to-update-order-item-attribute.js';
import { resolveOrderCoordinates } from './resolve-order-coordinates.js';
import { updateOrderCoordinates } from './update-order-coordinates.js';
import { addFulfilmentTypeAttributeToFulfilment } from './add-fulfilment-type-attribute-to-fulfilment.js';
import { addFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice } from './add-fulfilment-type-attribute-to-fulfilment-by-fulfilment-choice.js';
import { createFulfilmentForFulfilmentChoiceForUnfulfillableItems } from './create-fulfilment-for-fulfilment-choice-for-unfulfillable-items.js';
import { sendEventForAllFulfilmentChoices } from './send-event-for-all-fulfilment-choices.js';
import { createReturnFulfilment } from './create-return-fulfilment.js';
import { sendEventToReturnFulfilments } from './send-event-to-return-fulfilments.js';
import { addArticleToStorageArea } from './add-article-to-storage-area.js';

// Each rule has its own props type; the catalogue is heterogeneous by design.
export const BUILTIN_RULES: readonly AnyRule[] = [
  // Core Reference Module (fluent-platform.md §5.4)
  setState,
  sendEvent,
  scheduleEvent,
  ifPropertyEquals,
  ifPropertyNotEquals,
  ifPropertyIsPresent,
  ifPropertyIsNotPresent,
  sendWebhook,
  // Order libraries (commonv2, order, legacy base)
  sendEventForOrder,
  sendEventForAllFulfilments,
  sendEventOnVerifyingAllFulfilmentStates,
  sendEventOnVerifyingAttributeValue,
  sendEventToFulfilmentOnVerifyingOrderStatus,
  createFulfilment,
  addEventAttributesToEntity,
  sendScheduledEvent,
  forwardIfOrderCoordinatesPresent,
  forwardIfOrderCoordinatesNotPresent,
  sendEventToUpdateInventoryQuantity,
  changeOrderDeliveryAddress,
  // Pick, pack and dispatch (order: fulfilment items, articles, consignments)
  confirmFulfilmentItems,
  sendEventForWavePack,
  verifyingFulfilmentItems,
  createArticlesForFulfilment,
  createDemoConsignment,
  sendEventForFulfilmentV2,
  sendEventOnVerifyingAllArticleStates,
  copyAttributesFromFulfilmentToArticle,
  sendEventForArticlesV2,
  sendEventOnVerifyingConsignmentV2,
  // Store waves (Fulfilment Reference Module)
  createWaveByExpiry,
  createWaveByFulfilmentIds,
  allocateConfirmedItemsByFulfilmentExpiry,
  notifyFulfilmentsInWave,
  // Billing and returns (legacy base)
  // Mixed baskets: fulfilment choices (Order Reference Module)
  scheduleFulfilmentCreationForDeliverAfter,
  createFulfilmentForFulfilmentChoice,
  sendEventForFulfilmentChoice,
  sendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice,
  sendEventOnVerifyingAllFulfilmentChoiceStates,
  // Billing and returns (Order Reference Module, legacy base)
  sendEventForCreditMemoToReturn,
  verifyBillingAccount,
  createBillingAccount,
  sendEventForAppeasementToBillingAccount,
  createCreditMemoFromAppeasement,
  validateRevisedOrder,
  createRevisedOrder,
  updateRevisedOrderAttribute,
  sendEventForRevisedOrderToBillingAccount,
  createCreditMemoForRevisedOrder,
  validateReturnQty,
  createReturnOrderFromOrder,
  updateOrderItemAttribute,
  sendEventForReturnToBillingAccount,
  createCreditMemoFromReturnOrder,
  // Inventory libraries (commongi, globalinventory)
  forwardIfIncomingAttributeEquals,
  updateOnHand,
  notifyVirtualCataloguesOnNetworksMatch,
  createBaseVirtualPosition,
  createAggregateVirtualPosition,
  createInventoryQuantity,
  produceVirtualPositionEventsForControlUpdate,
  sendEventOnFulfilmentInventoryUpdate,
  createFulfilmentInventoryQuantity,
  updateInventoryQuantity,
  calculateOnHand,
  updateInventoryQuantitiesStatus,
  updateControlValue,
  createInventoryPosition,
  upsertInventoryQuantity,
  deactivateRelatedInventoryQuantities,
  updateInventoryPositionOnHand,
  // Product catalogue (Inventory Reference Module, globalinventory / commongi)
  forwardIfCategoryExists,
  forwardIfCategoryNotExists,
  createCategory,
  updateCategory,
  downToCategory,
  forwardIfStandardProductExists,
  forwardIfStandardProductNotExists,
  forwardIfVariantProductExists,
  forwardIfVariantProductNotExists,
  validateProductCategoriesExist,
  createStandardProduct,
  createVariantProduct,
  updateStandardProduct,
  updateVariantProduct,
  updateCategoriesForStandardProduct,
  updateCategoriesForVariantProduct,
  downToProduct,
  // Order sourcing and fulfilment expiry (Order Reference Module, workflow-contracts.md §5.2, §6.1)
  getLocationsForNetwork,
  calculateLocationsDistances,
  searchInventoryAtLocations,
  selectProposedFulfilment,
  forwardIfProposedFulfilmentPresent,
  forwardIfProposedFulfilmentNotPresent,
  forwardIfMaxSplitLimitReached,
  forwardIfMaxSplitLimitNotReached,
  forwardIfUnfulfilledItemsExist,
  createFulfilmentForUnfulfillableItems,
  changeStateForUnfulfilableFulfilment,
  scheduleFulfilmentExpiry,
  // Library rules real customer workflows call (real-world-usage.md: commonv2, commongi, base)
  forwardIfDeliveryAddressPresent,
  forwardIfDeliveryAddressNotPresent,
  rejectFulfilment,
  cancelFulfilment,
  createFinancialTransaction,
  forwardIfProductStatusEquals,
  forwardIfLocationStatusEquals,
  forwardIfInventoryPositionStatusEquals,
  sendEventToAllInventoryQuantities,
  sendEventToReturns,
  sendEventToUpdateOrderItemAttribute,
  // Order coordinates, fulfilment type attribute, mixed-basket rejection and cancel (Order Reference Module, workflow-contracts.md §5.2–5.4, §6.1)
  resolveOrderCoordinates,
  updateOrderCoordinates,
  addFulfilmentTypeAttributeToFulfilment,
  addFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice,
  createFulfilmentForFulfilmentChoiceForUnfulfillableItems,
  sendEventForAllFulfilmentChoices,
  // Returns, click & collect at another store, consignments (workflow-contracts.md §8, §9; issue 11)
  createReturnFulfilment,
  sendEventToReturnFulfilments,
  addArticleToStorageArea,
];

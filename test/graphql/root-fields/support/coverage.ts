/**
 * Which test file covers which root field: every Query and Mutation field of the schema appears
 * here exactly once (checked by completeness.test.ts against the served schema), under the file
 * whose cases create, look up, search and update it with asserted values.
 */
export const COVERAGE: Readonly<Record<string, { Query: readonly string[]; Mutation: readonly string[] }>> = {
  'orders-fulfilment.test.ts': {
    Query: ['orderById', 'order', 'orders', 'orderBillingAddresses', 'orderItemById', 'orderItems', 'fulfilmentChoiceById', 'fulfilmentChoice', 'fulfilmentChoices', 'fulfilmentById', 'fulfilment', 'fulfilments', 'fulfilmentItems', 'financialTransaction', 'financialTransactions'],
    Mutation: ['createOrder', 'updateOrder', 'createOrderAndCustomer', 'createOrderItem', 'createFulfilmentChoice', 'updateFulfilmentChoice', 'createFulfilment', 'updateFulfilment', 'createFinancialTransaction', 'updateFinancialTransaction'],
  },
  'locations-networks.test.ts': {
    Query: ['retailerById', 'retailers', 'networkById', 'network', 'networks', 'storeAddressById', 'storeAddresses', 'locationById', 'location', 'locations', 'openingSchedules', 'storageAreaById', 'storageAreas'],
    Mutation: ['createRetailer', 'updateRetailer', 'createNetwork', 'updateNetwork', 'createLocation', 'updateLocation', 'updateLocationPrimaryAddress', 'updateOpeningSchedule', 'createStoreAddress', 'updateStoreAddress', 'createStorageArea', 'updateStorageArea', 'removeLocationsFromNetwork', 'removeNetworksFromLocation'],
  },
  'products-categories.test.ts': {
    Query: ['productCatalogue', 'productCatalogues', 'category', 'categories', 'standardProduct', 'standardProducts', 'variantProduct', 'variantProducts', 'groupProduct', 'groupProducts', 'product', 'prices'],
    Mutation: ['createProductCatalogue', 'updateProductCatalogue', 'createCategory', 'updateCategory', 'createStandardProduct', 'updateStandardProduct', 'createVariantProduct', 'updateVariantProduct', 'createGroupProduct', 'updateGroupProduct', 'removeCategoriesFromStandardProduct', 'removeCategoriesFromVariantProduct', 'removeCategoriesFromGroupProduct'],
  },
  'inventory-virtual.test.ts': {
    Query: ['inventoryCatalogue', 'inventoryCatalogues', 'inventoryPosition', 'inventoryPositions', 'inventoryQuantity', 'inventoryQuantities', 'inventoryPositionAggregate', 'inventoryQuantityAggregate', 'virtualCatalogue', 'virtualCatalogues', 'virtualPosition', 'virtualPositions', 'searchVirtualInventory', 'controlGroup', 'controlGroups', 'control', 'controls'],
    Mutation: ['createInventoryCatalogue', 'updateInventoryCatalogue', 'createInventoryPosition', 'updateInventoryPosition', 'createInventoryQuantity', 'updateInventoryQuantity', 'updateInventoryPositionsStatusByLocation', 'updateInventoryQuantitiesStatus', 'createVirtualCatalogue', 'updateVirtualCatalogue', 'createVirtualPosition', 'updateVirtualPosition', 'updateVirtualPositionsStatusByGroup', 'createControlGroup', 'updateControlGroup', 'createControl', 'updateControl'],
  },
  'customers-users-roles-settings.test.ts': {
    Query: ['customerById', 'customer', 'customers', 'customerAddressById', 'customerAddresses', 'me', 'userById', 'user', 'users', 'role', 'roles', 'permission', 'permissions', 'setting', 'settings', 'currency', 'currencies'],
    Mutation: ['createCustomer', 'updateCustomer', 'createCustomerAddress', 'updateCustomerAddress', 'createUser', 'updateUser', 'removeUserRolesFromUser', 'createRole', 'updateRole', 'removePermissionsFromRole', 'createSetting', 'updateSetting'],
  },
  'carriers-consignments-waves.test.ts': {
    Query: ['carrierById', 'carrier', 'carriers', 'carrierDetailses', 'carrierAttributes', 'articleById', 'articles', 'articleItems', 'articlesByLocation', 'consignmentById', 'consignments', 'consignmentArticleById', 'consignmentArticles', 'carrierConsignment', 'carrierConsignments', 'carrierConsignmentArticleById', 'carrierConsignmentArticles', 'manifest', 'manifests', 'waveById', 'wave', 'waves', 'waveItems'],
    Mutation: ['createCarrier', 'updateCarrier', 'createArticle', 'updateArticle', 'createConsignment', 'updateConsignment', 'createCarrierConsignment', 'updateCarrierConsignment', 'createManifest', 'updateManifest', 'createWave', 'updateWave', 'removeFulfilmentsFromWave'],
  },
  'billing-payments.test.ts': {
    Query: ['billingAccount', 'billingAccounts', 'creditMemo', 'creditMemoes', 'creditMemoItem', 'creditMemoItems', 'invoice', 'invoices', 'invoiceItem', 'invoiceItems', 'payment', 'payments', 'paymentTransaction', 'paymentTransactions', 'paymentServiceProvider', 'paymentServiceProviders'],
    Mutation: ['createBillingAccount', 'updateBillingAccount', 'createCreditMemo', 'updateCreditMemo', 'createCreditMemoItem', 'createInvoice', 'updateInvoice', 'createInvoiceItem', 'createPayment', 'updatePayment', 'createPaymentTransaction', 'createPaymentServiceProvider', 'updatePaymentServiceProvider'],
  },
  'returns.test.ts': {
    Query: ['returnOrder', 'returnOrders', 'returnOrderItem', 'returnOrderItems', 'returnFulfilment', 'returnFulfilments', 'returnFulfilmentItem', 'returnFulfilmentItems', 'returnVerifications'],
    Mutation: ['createReturnOrder', 'updateReturnOrder', 'createReturnOrderItem', 'createReturnFulfilment', 'updateReturnFulfilment', 'createReturnFulfilmentItem'],
  },
  'fulfilment-options-plans.test.ts': {
    Query: ['fulfilmentOptionById', 'fulfilmentOptions', 'fulfilmentPlanById', 'fulfilmentPlans'],
    Mutation: ['createFulfilmentOption', 'updateFulfilmentOption', 'createFulfilmentPlan', 'updateFulfilmentPlan'],
  },
  'misc.test.ts': {
    Query: ['commentById', 'comments'],
    Mutation: ['createComment', 'updateComment'],
  },
};

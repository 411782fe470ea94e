/**
 * What the schema cannot tell us about Fluent's entities: the short table of exceptions to the
 * conventions the generic layer derives from the schema. Each row cites the reference section
 * (fluent-platform.md) or says [inferred].
 */

/** GraphQL type → Fluent entity type for events and workflows (§3.3). */
export const FLUENT_ENTITY_TYPES: Readonly<Record<string, string>> = {
  Order: 'ORDER',
  FulfilmentChoice: 'FULFILMENT_CHOICE',
  Fulfilment: 'FULFILMENT',
  Article: 'ARTICLE',
  Consignment: 'CONSIGNMENT',
  Location: 'LOCATION',
  Wave: 'WAVE',
  FulfilmentOption: 'FULFILMENT_OPTIONS',
  FulfilmentPlan: 'FULFILMENT_PLAN',
  ProductCatalogue: 'PRODUCT_CATALOGUE',
  Category: 'CATEGORY',
  StandardProduct: 'PRODUCT',
  VariantProduct: 'PRODUCT',
  GroupProduct: 'PRODUCT',
  InventoryCatalogue: 'INVENTORY_CATALOGUE',
  InventoryPosition: 'INVENTORY_POSITION',
  InventoryQuantity: 'INVENTORY_QUANTITY',
  VirtualCatalogue: 'VIRTUAL_CATALOGUE',
  VirtualPosition: 'VIRTUAL_POSITION',
  ControlGroup: 'CONTROL_GROUP',
  Control: 'CONTROL',
  ReturnOrder: 'RETURN_ORDER',
  ReturnFulfilment: 'RETURN_FULFILMENT',
  BillingAccount: 'BILLING_ACCOUNT',
  CreditMemo: 'CREDIT_MEMO',
  Invoice: 'INVOICE',
  Payment: 'PAYMENT',
  PaymentTransaction: 'PAYMENT_TRANSACTION',
};

/** Fluent entity type → the GraphQL types that hold it (PRODUCT has three). */
export const TYPENAMES_OF_ENTITY_TYPE: Readonly<Record<string, readonly string[]>> = typenamesByEntityType();

function typenamesByEntityType(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [typename, entityType] of Object.entries(FLUENT_ENTITY_TYPES)) (out[entityType] ??= []).push(typename);
  return out;
}

/**
 * Sub-entity → the field that leads to its parent, up to the root entity (§3.3 root table).
 * A root entity has no row. A FulfilmentChoice has no field back to its order: the order links
 * to it (`fulfilmentChoice`, `fulfilmentChoices`), see PARENT_LINKED_FROM.
 */
export const PARENT_FIELD: Readonly<Record<string, string>> = {
  Fulfilment: 'order',
  Article: 'fulfilments',
  Consignment: 'consignmentArticles',
  Wave: 'location',
  FulfilmentPlan: 'fulfilmentOption',
  Category: 'catalogue',
  StandardProduct: 'catalogue',
  VariantProduct: 'catalogue',
  GroupProduct: 'catalogue',
  InventoryPosition: 'catalogue',
  InventoryQuantity: 'position',
  VirtualPosition: 'catalogue',
  Control: 'controlGroup',
  ReturnFulfilment: 'returnOrder',
  CreditMemo: 'billingAccount',
  Invoice: 'billingAccount',
  Payment: 'billingAccount',
  PaymentTransaction: 'payment',
};

/** Sub-entity → the type of the parent that links to it, for sub-entities with no parent field. */
export const PARENT_LINKED_FROM: Readonly<Record<string, string>> = { FulfilmentChoice: 'Order' };

/**
 * Input fields stored under another output name. Network and Retailer take `name` but expose
 * `ref` (§8 #14, [inferred]); Retailer's `urlName` is the output's `websiteUrlName` [inferred];
 * products take `taxType` and expose `tax` [inferred from the field types].
 */
export const INPUT_FIELD_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Network: { name: 'ref' },
  Retailer: { name: 'ref', urlName: 'websiteUrlName' },
  StandardProduct: { taxType: 'tax' },
  VariantProduct: { taxType: 'tax' },
  GroupProduct: { taxType: 'tax' },
  FinancialTransaction: { amount: 'total', paymentProvider: 'paymentProviderName' },
  FulfilmentPlan: { fulfilmentOptionId: 'fulfilmentOption', splits: 'splitCount' },
  Fulfilment: { customer: 'user' },
};

/**
 * Search and lookup arguments that name a field differently: `standardProducts(category:)` filters
 * `categories`, `returnFulfilmentItem(returnFulfilment:)` keys `returnOrderFulfilment` [schema].
 */
export const ARGUMENT_FIELDS: Readonly<Record<string, string>> = { category: 'categories', returnFulfilment: 'returnOrderFulfilment' };

/** `Customer.ref` is the username: CreateCustomerInput has no ref (§8 #14, [inferred]). */
export const REF_FROM_FIELD: Readonly<Record<string, string>> = { Customer: 'username', User: 'username' };

/**
 * Types that name their product by `productRef` only, with no link to a stored product: an
 * inventory position may exist before (or without) its product. The GraphQL docs of
 * `CreateInventoryPositionInput` say the product may or may not exist, and the reference
 * inventory workflow keeps onHand right when stock arrives before the product (issue 10 #2).
 * `InventoryPosition.product` is resolved from `productRef` when read (derived-fields.ts).
 */
export const PRODUCT_BY_REFERENCE: ReadonlySet<string> = new Set(['InventoryPosition']);

/** Maximum lengths Fluent enforces (§2.1: refs max 100 characters, status/type max 50). */
export const MAX_LENGTH: Readonly<Record<string, number>> = { ref: 100, status: 50, type: 50 };

/**
 * Non-orchestrated types whose new records start `CREATED` (items inside an order's lifecycle);
 * other non-orchestrated types with a status start `ACTIVE` [inferred].
 */
export const DEFAULT_STATUS_CREATED: ReadonlySet<string> = new Set([
  'OrderItem',
  'FulfilmentItem',
  'ReturnOrderItem',
  'ReturnFulfilmentItem',
  'ArticleItem',
  'WaveItem',
]);

/**
 * Types that share one id sequence, so that an id names one record across an interface:
 * `AddressId {id}` must not match both a StoreAddress and a CustomerAddress [inferred].
 */
export const ID_SEQUENCE: Readonly<Record<string, string>> = {
  StoreAddress: 'Address',
  CustomerAddress: 'Address',
  StandardProduct: 'Product',
  VariantProduct: 'Product',
  GroupProduct: 'Product',
};

/**
 * Which entity types make the platform raise a `CREATE` event when a create mutation stores one
 * (fluent-platform.md §3.3, the ✓ column; §2.9; event name `CREATE` per §8 #13).
 * LOCATION, VIRTUAL_CATALOGUE, VIRTUAL_POSITION, CONTROL_GROUP and CONTROL are ✗.
 */
export const CREATE_EVENT_NAME = 'CREATE';

export const CREATE_EVENT_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'WAVE',
  'ORDER',
  'FULFILMENT',
  'ARTICLE',
  'CONSIGNMENT',
  'FULFILMENT_CHOICE',
  'FULFILMENT_OPTIONS',
  'FULFILMENT_PLAN',
  'PRODUCT_CATALOGUE',
  'PRODUCT',
  'CATEGORY',
  'INVENTORY_CATALOGUE',
  'INVENTORY_POSITION',
  'INVENTORY_QUANTITY',
  'RETURN_ORDER',
  'RETURN_FULFILMENT',
  'BILLING_ACCOUNT',
  'CREDIT_MEMO',
  'INVOICE',
  'PAYMENT',
  'PAYMENT_TRANSACTION',
]);

/**
 * Types raised only under some root subtypes: FULFILMENT_CHOICE in mixed baskets (§3.3 "also
 * FULFILMENT_CHOICE in MB"; workflow-contracts.md §0) [inferred: not for the single choice of an
 * HD or CC order, whose reference workflows have no FULFILMENT_CHOICE rulesets].
 */
export const CREATE_EVENT_ROOT_SUBTYPES: Readonly<Record<string, readonly string[]>> = { FULFILMENT_CHOICE: ['MULTI'] };

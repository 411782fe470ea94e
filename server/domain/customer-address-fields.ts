/**
 * The address fields every customer-address input shares (`CreateCustomerAddressInput` without
 * `ref`, `UpdateCustomerAddressInput` and `UpdateOrderBillingAddressInput` without `id`): what a
 * copy or an update of a delivery or billing address carries over.
 */
export const CUSTOMER_ADDRESS_FIELDS: readonly string[] = [
  'companyName',
  'name',
  'street',
  'street2',
  'city',
  'state',
  'postcode',
  'region',
  'country',
  'latitude',
  'longitude',
  'timeZone',
  'email',
];

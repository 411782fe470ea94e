/**
 * A small billing world for the billing, revision and return rule tests: customer c1 with an HD
 * order (two priced items in AUD), optionally a billing account, and the settings the credit memo
 * rules read (DEFAULT_TAX_TYPE with tariff GST = 10 %).
 */
import type { EntityView, Setting } from '../../../server/orchestration/port.js';
import { entity, type FakeData, hdOrder } from './fake-reader.js';

export const CUSTOMER = { id: 'c1', ref: 'kim@example.com', username: 'kim@example.com', firstName: 'Kim', lastName: 'Lee' };

export const pricedOrder = (status = 'BOOKED', fields: Record<string, unknown> = {}): EntityView => hdOrder(status, { customer: CUSTOMER, ...fields });

export const ITEMS = [
  { id: 'i1', ref: 'HD-1-1', productRef: 'SKU-1', productCatalogueRef: 'PC:1', quantity: 2, price: 110, currency: 'AUD' },
  { id: 'i2', ref: 'HD-1-2', productRef: 'SKU-2', productCatalogueRef: 'PC:1', quantity: 1, price: 50, currency: 'AUD' },
];

export const billingAccount = entity({
  entityType: 'BILLING_ACCOUNT',
  id: 'ba1',
  ref: 'BA-KIM',
  subtype: 'CUSTOMER',
  status: 'ACTIVE',
  root: { entityType: 'CUSTOMER', id: 'c1', ref: 'kim@example.com' },
});

const setting = (name: string, value: string | null, lobValue: unknown = null): Setting => ({ name, value, lobValue, context: 'RETAILER', contextId: 1 });
export const TAX_SETTINGS: Setting[] = [setting('DEFAULT_TAX_TYPE', null, { country: 'AU', group: 'STANDARD', tariff: 'GST' }), setting('GST', '10')];
export const RETURN_SETTINGS: Setting[] = [...TAX_SETTINGS, setting('DEFAULT_RETURN_DESTINATION_LOCATION', 'LOC_DC')];

/** The world: the order, its items, optional extra entities, billing account and settings. */
export function billingWorld(
  options: { order?: EntityView; account?: boolean; settings?: Setting[]; entities?: EntityView[]; related?: FakeData['related'] } = {},
): FakeData {
  const order = options.order ?? pricedOrder();
  return {
    entities: [order, ...(options.account ? [billingAccount] : []), ...(options.entities ?? [])],
    related: { [`ORDER:${order.id}:items`]: ITEMS, ...options.related },
    settings: options.settings ?? TAX_SETTINGS,
  };
}

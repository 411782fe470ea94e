/**
 * What a legacy `PUT /api/v4.1/order/{orderId}` changes beyond the order's own fields
 * (docs/legacy-rest.md "Updates"). The Order and Order Item API pages document the item fields
 * (`skuRef`, `requestedQty`, `skuPrice`, …) but not the update operation, so this is [inferred],
 * as close to GraphQL as the schema allows:
 *
 * - `items`: each element names one of the order's items by `id` (as GET shows it) and changes
 *   its fields through `updateOrder`'s `items` (`UpdateOrderItemWithOrderInput`, which needs the
 *   id: items are changed, not added or removed);
 * - `fulfilmentChoice`: its fields through `updateFulfilmentChoice`, and its `deliveryAddress`
 *   through `updateCustomerAddress` (the fulfilments made from the choice share that address
 *   record, so they see the change);
 * - `billingAddress`: through `updateOrder`'s `billingAddress`.
 */
import { SimError } from '../domain/errors.js';
import { isLinkRef } from '../domain/store/store.js';
import { isObject } from '../lib/is-object.js';
import type { LegacyStep } from './run-legacy-mutation.js';
import { CUSTOMER_ADDRESS_FIELDS } from '../domain/customer-address-fields.js';
import { changedFields, type NestedContext, type NestedField, objectAt, sameNames } from './update-fields.js';

type Body = Record<string, unknown>;

const API = 'Order';

/** Order Item API names → `UpdateOrderItemWithOrderInput`. */
const ITEM_FIELDS = {
  ref: 'ref',
  skuRef: 'productRef',
  catalogueRef: 'productCatalogueRef',
  requestedQty: 'quantity',
  skuPrice: 'price',
  skuTaxPrice: 'taxPrice',
  totalPrice: 'totalPrice',
  totalTaxPrice: 'totalTaxPrice',
  taxType: 'taxType',
  currency: 'currency',
  status: 'status',
  attributes: 'attributes',
} as const;

/** `UpdateFulfilmentChoiceInput`'s fields (GraphQL names, as GET shows the choice). */
const CHOICE_FIELDS = sameNames([
  'status',
  'type',
  'currency',
  'deliveryInstruction',
  'deliveryType',
  'fulfilmentPrice',
  'fulfilmentTaxPrice',
  'fulfilmentType',
  'pickupLocationRef',
  'deliveryFirstName',
  'deliveryLastName',
  'deliveryContact',
  'deliveryEmail',
  'deliverAfter',
  'deliverBefore',
  'dispatchOn',
  'attributes',
]);

/** `UpdateCustomerAddressInput` and `UpdateOrderBillingAddressInput` share these fields. */
const ADDRESS_FIELDS = sameNames(CUSTOMER_ADDRESS_FIELDS);

const nonEmpty = (changes: Body): boolean => Object.keys(changes).length > 0;

function items({ shown, sent, input }: NestedContext): LegacyStep[] {
  if (!Array.isArray(sent)) throw new SimError('VALIDATION_FAILED', `'items' must be a list of the order's items, got ${JSON.stringify(sent)}`);
  const current = Array.isArray(shown) ? shown.filter(isObject) : [];
  const updates = sent.flatMap((item, index) => {
    const path = `items[${index}]`;
    const id = isObject(item) ? item['id'] : undefined;
    const existing = current.find((candidate) => id !== undefined && id !== null && String(candidate['id']) === String(id));
    if (!existing) {
      const ids = current.map((candidate) => String(candidate['id'])).join(', ');
      throw new SimError(
        'VALIDATION_FAILED',
        `'${path}.id' must be the id of one of the order's items (${ids}): a PUT changes the order's items, it does not add or remove them`,
      );
    }
    // The id may come as a number; it named the item, it is not a change.
    const changes = changedFields(API, path, existing, { ...objectAt(path, item), id: existing['id'] }, ITEM_FIELDS);
    return nonEmpty(changes) ? [{ id: existing['id'], ...changes }] : [];
  });
  if (updates.length > 0) input['items'] = updates;
  return [];
}

/** The address update of `path`, or none when nothing changed; the record must exist. */
function addressChanges(path: string, shown: unknown, sent: unknown): Body | undefined {
  if (!isObject(shown)) {
    if (sent === null || sent === undefined) return undefined;
    throw new SimError('VALIDATION_FAILED', `'${path}': the order has none, and a PUT does not add one (use GraphQL)`);
  }
  const changes = changedFields(API, path, shown, sent, ADDRESS_FIELDS);
  return nonEmpty(changes) ? { id: shown['id'], ...changes } : undefined;
}

function fulfilmentChoice({ account, shown, sent }: NestedContext): LegacyStep[] {
  if (!isObject(shown)) {
    if (sent === null) return [];
    throw new SimError('VALIDATION_FAILED', "'fulfilmentChoice': the order has none, and a PUT does not add one (use GraphQL)");
  }
  const { deliveryAddress, ...fields } = objectAt('fulfilmentChoice', sent);
  const steps: LegacyStep[] = [];
  const changes = changedFields(API, 'fulfilmentChoice', shown, fields, CHOICE_FIELDS);
  if (nonEmpty(changes)) steps.push({ mutation: 'updateFulfilmentChoice', input: { id: shown['id'], ...changes } });
  if (deliveryAddress === undefined) return steps;
  const address = addressChanges('fulfilmentChoice.deliveryAddress', shown['deliveryAddress'], deliveryAddress);
  if (!address) return steps;
  const link = account.store.get('FulfilmentChoice', String(shown['id']))?.['deliveryAddress'];
  if (!isLinkRef(link) || link.__link !== 'CustomerAddress') {
    throw new SimError(
      'VALIDATION_FAILED',
      "'fulfilmentChoice.deliveryAddress' is not a customer address and cannot be changed over the Order API (use GraphQL)",
    );
  }
  steps.push({ mutation: 'updateCustomerAddress', input: address });
  return steps;
}

function billingAddress({ shown, sent, input }: NestedContext): LegacyStep[] {
  const address = addressChanges('billingAddress', shown, sent);
  if (address) input['billingAddress'] = address;
  return [];
}

export const ORDER_NESTED: Readonly<Record<string, NestedField>> = { items, fulfilmentChoice, billingAddress };

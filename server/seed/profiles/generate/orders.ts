/**
 * Orders: an exact share of click & collect, shuffled; each type's orders get exact target shares
 * (the statuses `driveOrders` moves them to). HD orders deliver to the customer's city, CC orders
 * are collected from a store in the customer's state.
 */
import type { ProfileContext } from './profile-context.js';
import { CC_TARGETS, HD_TARGETS, type OrderTarget } from '../profile-sizes.js';
import {
  CURRENCY,
  PRODUCT_CATALOGUE_REF,
  PROFILE_RETAILER_ID,
  type Customer,
  type Location,
  type OrderType,
  type PlannedOrder,
  type Sku,
} from './profile-data.js';

type Stores = { all: readonly Location[]; byState: ReadonlyMap<string, Location[]> };

export function generateOrders(ctx: ProfileContext, customers: readonly Customer[], skus: readonly Sku[], locations: readonly Location[]): PlannedOrder[] {
  const { faker, sizes } = ctx;
  const ccCount = Math.round(sizes.orders * sizes.clickAndCollectShare);
  const types = faker.helpers.shuffle<OrderType>([...Array<OrderType>(ccCount).fill('CC'), ...Array<OrderType>(sizes.orders - ccCount).fill('HD')]);
  const targets: Record<OrderType, OrderTarget[]> = {
    HD: faker.helpers.shuffle(apportion(sizes.orders - ccCount, sizes.orderStatusShares.HD, HD_TARGETS)),
    CC: faker.helpers.shuffle(apportion(ccCount, sizes.orderStatusShares.CC, CC_TARGETS)),
  };
  const all = locations.filter((l) => l.type === 'STORE');
  const byState = new Map<string, Location[]>();
  for (const s of all) byState.set(s.city.state, [...(byState.get(s.city.state) ?? []), s]);
  return types.map((type, i) => {
    const ref = `${type}-${String(i + 1).padStart(6, '0')}`;
    generateOrder(ctx, ref, type, customers, skus, { all, byState });
    return { ref, type, target: targets[type].pop()! };
  });
}

function generateOrder(ctx: ProfileContext, ref: string, type: OrderType, customers: readonly Customer[], skus: readonly Sku[], stores: Stores): void {
  const { faker, step, money } = ctx;
  const c = faker.number.int({ min: 1, max: customers.length });
  const customer = customers[c - 1]!;
  const { items, total } = orderItems(ctx, ref, skus);
  const delivery = fulfilmentChoice(ctx, ref, type, customer, stores);
  const fee = type === 'HD' && delivery.deliveryType === 'EXPRESS' ? 14.95 : 0;
  const orderTotal = money(total + fee);
  step('createOrder', {
    ref,
    type,
    retailer: { id: PROFILE_RETAILER_ID },
    customer: { id: `$customer-${c}.id` },
    totalPrice: orderTotal,
    totalTaxPrice: money(orderTotal / 11),
    fulfilmentChoice: { ...delivery, fulfilmentPrice: fee, fulfilmentTaxPrice: money(fee / 11) },
    items,
    financialTransactions: [
      {
        ref: `${ref}-PAYMENT`,
        type: 'PAYMENT',
        amount: orderTotal,
        currency: CURRENCY,
        paymentMethod: 'CREDIT_CARD',
        cardType: faker.helpers.arrayElement(['VISA', 'MASTERCARD', 'AMEX']),
        paymentProvider: 'SIMULATED',
        externalTransactionId: faker.string.alphanumeric({ length: 16, casing: 'upper' }),
      },
    ],
  });
}

/** One to `maxItemsPerOrder` different SKUs, mostly one of each. */
function orderItems(ctx: ProfileContext, ref: string, skus: readonly Sku[]): { items: Record<string, unknown>[]; total: number } {
  const { faker, sizes, money } = ctx;
  const picked = new Set<number>();
  const itemCount = faker.number.int({ min: 1, max: Math.min(sizes.maxItemsPerOrder, skus.length) });
  while (picked.size < itemCount) picked.add(faker.number.int({ min: 0, max: skus.length - 1 }));
  let total = 0;
  const items = [...picked].map((s, k) => {
    const sku = skus[s]!;
    const quantity = faker.helpers.weightedArrayElement([
      { weight: 7, value: 1 },
      { weight: 2, value: 2 },
      { weight: 1, value: 3 },
    ]);
    const line = money(sku.price * quantity);
    total = money(total + line);
    return {
      ref: `${ref}-${k + 1}`,
      productRef: sku.ref,
      productCatalogueRef: PRODUCT_CATALOGUE_REF,
      quantity,
      price: sku.price,
      paidPrice: sku.price,
      currency: CURRENCY,
      taxType: 'GST',
      totalPrice: line,
      totalTaxPrice: money(line / 11),
    };
  });
  return { items, total };
}

function fulfilmentChoice(
  ctx: ProfileContext,
  ref: string,
  type: OrderType,
  customer: Customer,
  stores: Stores,
): Record<string, unknown> & { deliveryType: string } {
  const { faker, near } = ctx;
  return type === 'HD'
    ? {
        ref: `${ref}-FC`,
        type: 'HD',
        deliveryType: faker.helpers.weightedArrayElement([
          { weight: 4, value: 'STANDARD' },
          { weight: 1, value: 'EXPRESS' },
        ]),
        currency: CURRENCY,
        deliveryFirstName: customer.firstName,
        deliveryLastName: customer.lastName,
        deliveryEmail: customer.email,
        deliveryContact: customer.phone,
        deliveryAddress: {
          ref: `${ref}-ADDR`,
          name: customer.name,
          street: faker.location.streetAddress(),
          city: customer.city.city,
          state: customer.city.state,
          postcode: customer.city.postcode,
          country: 'Australia',
          latitude: near(customer.city.lat, 0.15),
          longitude: near(customer.city.lon, 0.15),
          timeZone: customer.city.timeZone,
        },
      }
    : {
        ref: `${ref}-FC`,
        type: 'CC',
        deliveryType: 'STANDARD',
        currency: CURRENCY,
        deliveryFirstName: customer.firstName,
        deliveryLastName: customer.lastName,
        deliveryEmail: customer.email,
        deliveryContact: customer.phone,
        pickupLocationRef: faker.helpers.arrayElement(stores.byState.get(customer.city.state) ?? stores.all).ref,
      };
}

/**
 * `n` targets in the given shares (normalised), by largest remainder; ties and the order of the
 * result follow `keys`, so the counts do not depend on the seed value.
 */
export function apportion(n: number, shares: Partial<Record<OrderTarget, number>>, keys: readonly OrderTarget[]): OrderTarget[] {
  const weights = keys.map((k) => shares[k] ?? 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return Array<OrderTarget>(n).fill('BOOKED');
  const exact = weights.map((w) => (w / sum) * n);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let left = n - counts.reduce((a, b) => a + b, 0), j = 0; left > 0; left -= 1, j += 1) counts[byRemainder[j % byRemainder.length]!.i]! += 1;
  return keys.flatMap((k, i) => Array<OrderTarget>(counts[i]!).fill(k));
}

/**
 * Generates the seed of a profile (`small`, `demo`, `large`) from its sizes (seeds/profiles.json)
 * and a seed value: the same steps as a hand-written seed file (seeds/default.json), so they run
 * through the GraphQL mutations, plus the plan that `driveOrders` follows afterwards.
 *
 * Pure: one local Faker instance seeded with the seed value (no wall clock, no Math.random), so
 * the same (profile, seed value) gives byte-identical output on every run and machine. Faker's
 * own data only feeds names, streets, phone numbers, prices and choices; refs, GTINs and ids of
 * related steps are counters, so they are unique whatever Faker draws.
 */
import { Faker, base, en, en_AU } from '@faker-js/faker';
import { packagePath } from '../../lib/package-path.js';
import { readSeedFile, type SeedFile, type SeedStep } from '../load-seed.js';
import { ean13 } from './gtin.js';
import { CC_TARGETS, HD_TARGETS, profileSizes, type OrderTarget, type ProfileSizes, type SeedProfile } from './profile-sizes.js';

export type OrderType = 'HD' | 'CC';
/** One seeded order and the status `driveOrders` moves it to (BOOKED: left as the workflow booked it). */
export type PlannedOrder = { ref: string; type: OrderType; target: OrderTarget };
/** What `activateLocations` and `driveOrders` do once the steps ran. */
export type OrderPlan = {
  /** Locations to activate with the location workflow's ActivateLocation event (Location raises no CREATE). */
  locations: string[];
  orders: PlannedOrder[];
};

/** A seed file with the profile's order plan beside the steps (`readSeedFile`/`applySeed` ignore it). */
export type ProfileSeed = SeedFile & { profile: SeedProfile; seedValue: number; plan: OrderPlan };

export const PRODUCT_CATALOGUE_REF = 'PC:MASTER:1';
export const INVENTORY_CATALOGUE_REF = 'DEFAULT:1';
export const VIRTUAL_CATALOGUE_REF = 'BASE:1';
/** Every generated entity belongs to retailer 1, whose workflows are rulesets/ (retailerId "1"). */
export const PROFILE_RETAILER_ID = '1';

/** Faker seeds a 32-bit generator: larger values would repeat smaller ones. */
export const MAX_SEED_VALUE = 2 ** 32 - 1;

/** Faker's date helpers would otherwise read the wall clock. */
const REFERENCE_DATE = new Date('2026-01-01T00:00:00.000Z');
const CURRENCY = 'AUD';
const TAX_TYPE = { country: 'AU', group: 'STANDARD', tariff: 'GST' };
const GS1_PREFIX_AU = '930';

type City = { code: string; city: string; state: string; postcode: string; lat: number; lon: number; timeZone: string; weight: number };

/** Real Australian cities (centre coordinates); locations and addresses are scattered around them. */
const CITIES: readonly City[] = [
  { code: 'SYD', city: 'Sydney', state: 'NSW', postcode: '2000', lat: -33.8688, lon: 151.2093, timeZone: 'Australia/Sydney', weight: 20 },
  { code: 'MEL', city: 'Melbourne', state: 'VIC', postcode: '3000', lat: -37.8136, lon: 144.9631, timeZone: 'Australia/Melbourne', weight: 19 },
  { code: 'BNE', city: 'Brisbane', state: 'QLD', postcode: '4000', lat: -27.4698, lon: 153.0251, timeZone: 'Australia/Brisbane', weight: 10 },
  { code: 'PER', city: 'Perth', state: 'WA', postcode: '6000', lat: -31.9523, lon: 115.8613, timeZone: 'Australia/Perth', weight: 8 },
  { code: 'ADL', city: 'Adelaide', state: 'SA', postcode: '5000', lat: -34.9285, lon: 138.6007, timeZone: 'Australia/Adelaide', weight: 5 },
  { code: 'CBR', city: 'Canberra', state: 'ACT', postcode: '2601', lat: -35.2809, lon: 149.13, timeZone: 'Australia/Sydney', weight: 2 },
  { code: 'HBA', city: 'Hobart', state: 'TAS', postcode: '7000', lat: -42.8821, lon: 147.3272, timeZone: 'Australia/Hobart', weight: 1 },
  { code: 'DRW', city: 'Darwin', state: 'NT', postcode: '0800', lat: -12.4634, lon: 130.8456, timeZone: 'Australia/Darwin', weight: 1 },
  { code: 'OOL', city: 'Gold Coast', state: 'QLD', postcode: '4217', lat: -28.0167, lon: 153.4, timeZone: 'Australia/Brisbane', weight: 3 },
  { code: 'NTL', city: 'Newcastle', state: 'NSW', postcode: '2300', lat: -32.9283, lon: 151.7817, timeZone: 'Australia/Sydney', weight: 2 },
  { code: 'GEX', city: 'Geelong', state: 'VIC', postcode: '3220', lat: -38.1499, lon: 144.3617, timeZone: 'Australia/Melbourne', weight: 1 },
  { code: 'WOL', city: 'Wollongong', state: 'NSW', postcode: '2500', lat: -34.4278, lon: 150.8931, timeZone: 'Australia/Sydney', weight: 1 },
  { code: 'MCY', city: 'Sunshine Coast', state: 'QLD', postcode: '4558', lat: -26.65, lon: 153.0667, timeZone: 'Australia/Brisbane', weight: 1 },
  { code: 'TSV', city: 'Townsville', state: 'QLD', postcode: '4810', lat: -19.259, lon: 146.8169, timeZone: 'Australia/Brisbane', weight: 1 },
  { code: 'CNS', city: 'Cairns', state: 'QLD', postcode: '4870', lat: -16.9186, lon: 145.7781, timeZone: 'Australia/Brisbane', weight: 1 },
  { code: 'LST', city: 'Launceston', state: 'TAS', postcode: '7250', lat: -41.4332, lon: 147.1441, timeZone: 'Australia/Hobart', weight: 1 },
];

const CARRIERS: readonly { ref: string; name: string }[] = [
  { ref: 'AUSPOST', name: 'Australia Post' },
  { ref: 'STARTRACK', name: 'StarTrack' },
  { ref: 'COURIERSPLEASE', name: 'CouriersPlease' },
  { ref: 'ARAMEX', name: 'Aramex' },
  { ref: 'DHL', name: 'DHL Express' },
  { ref: 'TOLL', name: 'Toll' },
  { ref: 'TNT', name: 'TNT' },
  { ref: 'SENDLE', name: 'Sendle' },
];

const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const STORE_AREAS = [
  { suffix: 'SHOPFLOOR', type: 'SHOP_FLOOR' },
  { suffix: 'BACKROOM', type: 'BACK_ROOM' },
] as const;
const WAREHOUSE_AREAS = [
  { suffix: 'BULK', type: 'BULK' },
  { suffix: 'PICKFACE', type: 'PICK_FACE' },
  { suffix: 'DOCK', type: 'DISPATCH_DOCK' },
] as const;
const STORE_ASSISTANT_PERMISSIONS = ['ORDER_VIEW', 'FULFILMENT_VIEW', 'FULFILMENT_UPDATE', 'LOCATION_VIEW', 'INVENTORY_VIEW'];

type Location = { ref: string; type: 'STORE' | 'WAREHOUSE'; city: City; areas: string[] };
type Sku = { ref: string; price: number };
type Customer = { name: string; firstName: string; lastName: string; email: string; phone: string; city: City };

let defaultRecords: SeedFile['records'] | undefined;
/** Permissions and currencies: the same `records` as seeds/default.json. */
function baseRecords(): NonNullable<SeedFile['records']> {
  defaultRecords ??= readSeedFile(packagePath('seeds/default.json')).records ?? {};
  return structuredClone(defaultRecords);
}

export function generateProfile(profile: SeedProfile, seedValue: number, sizes: ProfileSizes = profileSizes(profile)): ProfileSeed {
  if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED_VALUE) {
    throw new RangeError(`The seed value must be an integer from 0 to ${MAX_SEED_VALUE}, got ${seedValue}`);
  }
  const faker = new Faker({ locale: [en_AU, en, base] });
  faker.seed(seedValue);
  faker.setDefaultRefDate(REFERENCE_DATE);

  const steps: SeedStep[] = [];
  const step = (mutation: string, input: Record<string, unknown>, as?: string): void => {
    steps.push(as === undefined ? { mutation, input } : { mutation, input, as });
  };
  const money = (value: number): number => Math.round(value * 100) / 100;
  const near = (value: number, spread: number): number => faker.number.float({ min: value - spread, max: value + spread, fractionDigits: 4 });
  const slug = (text: string): string => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '').toLowerCase();
  const code = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const pickCity = (): City => faker.helpers.weightedArrayElement(CITIES.map((c) => ({ weight: c.weight, value: c })));
  /** A value `draw` has not given before (numbered when Faker runs out of new ones). */
  const unique = (draw: () => string, seen: Set<string>): string => {
    let value = draw();
    for (let attempt = 1; seen.has(value) && attempt < 25; attempt += 1) value = draw();
    if (seen.has(value)) value = `${value} ${seen.size + 1}`;
    seen.add(value);
    return value;
  };

  // Retailers, roles and carriers.
  const records = baseRecords();
  const permissions = (records['Permission'] ?? []).map((p) => ({ name: String(p['name']) }));
  const retailerRefs: { id: string }[] = [];
  for (let r = 1; r <= sizes.retailers; r += 1) {
    const company = faker.company.name();
    const domain = `${slug(company).slice(0, 20) || `retailer${r}`}.example`;
    step(
      'createRetailer',
      {
        name: r === 1 ? company : `${company} (partner)`,
        tradingName: company,
        summary: faker.company.catchPhrase(),
        websiteUrl: `https://www.${domain}`,
        urlName: slug(company).slice(0, 30) || `retailer${r}`,
        primaryEmail: `ops@${domain}`,
        supportContactName: faker.person.fullName(),
        supportEmail: `support@${domain}`,
        supportPhone: faker.phone.number({ style: 'international' }),
      },
      r === 1 ? 'retailer' : `retailer-${r}`,
    );
    retailerRefs.push({ id: r === 1 ? PROFILE_RETAILER_ID : `$retailer-${r}.id` });
  }
  step('createRole', { name: 'ADMIN', permissions });
  step('createRole', { name: 'STORE_ASSISTANT', permissions: permissions.filter((p) => STORE_ASSISTANT_PERMISSIONS.includes(p.name)) });
  const carriers = CARRIERS.slice(0, Math.min(sizes.carriers, CARRIERS.length));
  for (const carrier of carriers) step('createCarrier', { ref: carrier.ref, name: carrier.name, type: 'DEFAULT', retailer: { id: PROFILE_RETAILER_ID } });

  // Locations: warehouses in the big cities first, then stores where people live.
  const locations: Location[] = [];
  const addLocation = (type: Location['type'], n: number, city: City): void => {
    const kind = type === 'WAREHOUSE' ? 'DC' : 'STORE';
    const ref = `LOC_${city.code}_${kind}_${String(n).padStart(3, '0')}`;
    const name = type === 'WAREHOUSE' ? `${city.city} Distribution Centre ${n}` : `${city.city} ${faker.location.street()} Store`;
    const areas = (type === 'WAREHOUSE' ? WAREHOUSE_AREAS : STORE_AREAS).map((a) => ({ ref: `${ref}:${a.suffix}`, type: a.type }));
    const open = faker.helpers.arrayElement([700, 800, 900]);
    const close = faker.helpers.arrayElement([1700, 1800, 2100]);
    const hours =
      type === 'WAREHOUSE'
        ? { allHours: true, start: 0, end: 2359, weekendStart: 0, weekendEnd: 2359 }
        : { allHours: false, start: open, end: close, weekendStart: open + 100, weekendEnd: Math.min(close, 1700) };
    step(
      'createLocation',
      {
        ref,
        type,
        name,
        supportPhoneNumber: faker.phone.number({ style: 'international' }),
        defaultCarrier: faker.helpers.arrayElement(carriers).ref,
        primaryAddress: {
          ref: `${ref}_ADDR`,
          name,
          street: faker.location.streetAddress(),
          city: city.city,
          state: city.state,
          postcode: city.postcode,
          country: 'Australia',
          latitude: near(city.lat, 0.08),
          longitude: near(city.lon, 0.08),
          timeZone: city.timeZone,
        },
        retailer: { id: PROFILE_RETAILER_ID },
        openingSchedule: {
          allHours: hours.allHours,
          ...Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [[`${d}Start`, hours.start], [`${d}End`, hours.end]])),
          ...Object.fromEntries(['sat', 'sun'].flatMap((d) => [[`${d}Start`, hours.weekendStart], [`${d}End`, hours.weekendEnd]])),
        },
        storageAreas: areas,
      },
      ref,
    );
    locations.push({ ref, type, city, areas: areas.map((a) => a.ref) });
  };
  const bigCities = CITIES.slice(0, 5);
  for (let n = 1; n <= sizes.warehouses; n += 1) addLocation('WAREHOUSE', n, bigCities[(n - 1) % bigCities.length]!);
  // Every big city gets a store before the rest are spread by population.
  for (let n = 1; n <= sizes.stores; n += 1) addLocation('STORE', n, n <= bigCities.length ? bigCities[n - 1]! : pickCity());
  const stores = locations.filter((l) => l.type === 'STORE');

  // Networks: everything, the click & collect stores, and one per state with two or more locations.
  const members = (list: readonly Location[]): { id: string }[] => list.map((l) => ({ id: `$${l.ref}.id` }));
  step('createNetwork', { name: 'BASE', type: 'BASE', retailers: retailerRefs, locations: members(locations) }, 'network-BASE');
  step('createNetwork', { name: 'STORES', type: 'CC', retailers: [{ id: PROFILE_RETAILER_ID }], locations: members(stores) });
  const states = [...new Set(locations.map((l) => l.city.state))].sort();
  for (const state of states) {
    const inState = locations.filter((l) => l.city.state === state);
    if (inState.length >= 2) step('createNetwork', { name: `REGION_${state}`, type: 'REGIONAL', retailers: [{ id: PROFILE_RETAILER_ID }], locations: members(inState) });
  }

  // Product catalogue: categories, standard products and their variants.
  const catalogue = { ref: PRODUCT_CATALOGUE_REF };
  step('createProductCatalogue', { ref: PRODUCT_CATALOGUE_REF, type: 'MASTER', name: 'Master product catalogue', description: 'Products of retailer 1', retailerRefs: [PROFILE_RETAILER_ID] });
  const categoryNames = new Set<string>();
  const categories: string[] = [];
  for (let c = 0; c < sizes.categories; c += 1) {
    const name = unique(() => (c < 20 ? faker.commerce.department() : `${faker.commerce.productAdjective()} ${faker.commerce.department()}`), categoryNames);
    const ref = `CAT_${code(name)}`;
    step('createCategory', { ref, catalogue, type: 'STANDARD', name, summary: `${name} products` });
    categories.push(ref);
  }
  const brands = Array.from({ length: Math.max(3, Math.ceil(sizes.products / 40)) }, () => faker.company.name());
  const skus: Sku[] = [];
  let productCount = 0;
  for (let p = 1; productCount < sizes.products; p += 1) {
    const ref = `P${String(p).padStart(5, '0')}`;
    const name = faker.commerce.productName();
    const category = { ref: faker.helpers.arrayElement(categories), catalogue };
    const value = Math.floor(Number(faker.commerce.price({ min: 5, max: 400 }))) + 0.95;
    const prices = [{ type: 'DEFAULT', currency: CURRENCY, value }];
    if (faker.datatype.boolean({ probability: 0.2 })) prices.push({ type: 'SALE', currency: CURRENCY, value: money(Math.floor(value * 0.8) - 0.05) });
    // About a third of the products are sold as they are; the others in 1…max sizes of one colour.
    const wanted = sizes.maxVariantsPerProduct > 0 && !faker.datatype.boolean({ probability: 0.35 }) ? faker.number.int({ min: 1, max: sizes.maxVariantsPerProduct }) : 0;
    const variantCount = Math.min(wanted, sizes.products - productCount - 1, SIZES.length);
    const brand = faker.helpers.arrayElement(brands);
    productCount += 1;
    step('createStandardProduct', {
      ref,
      catalogue,
      type: 'STANDARD',
      gtin: ean13(GS1_PREFIX_AU, productCount),
      name,
      summary: faker.commerce.productDescription(),
      categories: [category],
      prices,
      taxType: TAX_TYPE,
      attributes: [{ name: 'brand', type: 'STRING', value: brand }],
    });
    if (variantCount === 0) {
      skus.push({ ref, price: value });
      continue;
    }
    const colour = faker.color.human();
    const colourCode = code(colour).replace(/_/g, '').slice(0, 3);
    for (const size of faker.helpers.arrayElements(SIZES, variantCount).sort((a, b) => SIZES.indexOf(a) - SIZES.indexOf(b))) {
      const variantRef = `${ref}-${colourCode}-${size}`;
      productCount += 1;
      step('createVariantProduct', {
        ref: variantRef,
        catalogue,
        type: 'VARIANT',
        product: { ref, catalogue },
        gtin: ean13(GS1_PREFIX_AU, productCount),
        name: `${name} ${colour} ${size}`,
        summary: `${name}, ${colour}, size ${size}`,
        categories: [category],
        prices,
        taxType: TAX_TYPE,
        attributes: [
          { name: 'brand', type: 'STRING', value: brand },
          { name: 'colour', type: 'STRING', value: colour },
          { name: 'size', type: 'STRING', value: size },
        ],
      });
      skus.push({ ref: variantRef, price: value });
    }
  }

  // Inventory: every sellable SKU (variants, standard products without variants) at a few locations.
  step('createInventoryCatalogue', { ref: INVENTORY_CATALOGUE_REF, type: 'DEFAULT', name: 'Inventory of retailer 1', description: 'Default inventory catalogue', retailerRefs: [PROFILE_RETAILER_ID] });
  const inventory = { ref: INVENTORY_CATALOGUE_REF };
  const perSku = Math.min(sizes.positionsPerSku, locations.length);
  const locationIndex = new Map(locations.map((l, i) => [l.ref, i]));
  for (const sku of skus) {
    const at = faker.helpers.arrayElements(locations, perSku).sort((a, b) => locationIndex.get(a.ref)! - locationIndex.get(b.ref)!);
    for (const location of at) {
      const onHand = faker.number.int({ min: 0, max: location.type === 'WAREHOUSE' ? 400 : 40 });
      const ref = `${sku.ref}:${location.ref}`;
      step('createInventoryPosition', { ref, catalogue: inventory, type: 'DEFAULT', productRef: sku.ref, locationRef: location.ref, onHand });
      step('createInventoryQuantity', {
        ref: `${ref}:LAST_ON_HAND`,
        catalogue: inventory,
        position: { ref, catalogue: inventory },
        type: 'LAST_ON_HAND',
        quantity: onHand,
        condition: 'NEW',
        storageAreaRef: location.areas[0],
      });
    }
  }
  step('createVirtualCatalogue', {
    ref: VIRTUAL_CATALOGUE_REF,
    type: 'BASE',
    name: 'Available to sell',
    description: 'Virtual catalogue over the BASE network',
    inventoryCatalogueRef: INVENTORY_CATALOGUE_REF,
    productCatalogueRef: PRODUCT_CATALOGUE_REF,
    networkIds: ['$network-BASE.id'],
    retailerRefs: [PROFILE_RETAILER_ID],
  });

  // Customers.
  const customers: Customer[] = [];
  for (let c = 1; c <= sizes.customers; c += 1) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = `${slug(firstName)}.${slug(lastName)}.${c}@${faker.helpers.arrayElement(['example.com', 'example.net', 'example.org'])}`;
    const city = pickCity();
    const phone = faker.phone.number({ style: 'international' });
    step(
      'createCustomer',
      {
        username: email,
        title: faker.helpers.arrayElement(['Mr', 'Ms', 'Mrs', 'Miss', 'Dr', 'Mx']),
        firstName,
        lastName,
        primaryEmail: email,
        primaryPhone: phone,
        country: 'Australia',
        timezone: city.timeZone,
        promotionOptIn: faker.datatype.boolean({ probability: 0.3 }),
        retailer: { id: PROFILE_RETAILER_ID },
      },
      `customer-${c}`,
    );
    customers.push({ name: `${firstName} ${lastName}`, firstName, lastName, email, phone, city });
  }

  // Settings.
  step('createSetting', { name: 'fc.rubix.sdk.webhook.retry.schedule', valueType: 'STRING', value: 'default', context: 'RETAILER', contextId: 1 });
  step('createSetting', { name: 'fc.sim.seed.profile', valueType: 'JSON', lobValue: { profile, seedValue, ...sizes }, context: 'ACCOUNT', contextId: 0 });
  step('createSetting', { name: 'DEFAULT_CURRENCY', valueType: 'STRING', value: CURRENCY, context: 'RETAILER', contextId: 1 });

  // Orders: an exact share of click & collect, shuffled; each type's orders get exact target shares.
  const ccCount = Math.round(sizes.orders * sizes.clickAndCollectShare);
  const types = faker.helpers.shuffle<OrderType>([...Array<OrderType>(ccCount).fill('CC'), ...Array<OrderType>(sizes.orders - ccCount).fill('HD')]);
  const targets: Record<OrderType, OrderTarget[]> = {
    HD: faker.helpers.shuffle(apportion(sizes.orders - ccCount, sizes.orderStatusShares.HD, HD_TARGETS)),
    CC: faker.helpers.shuffle(apportion(ccCount, sizes.orderStatusShares.CC, CC_TARGETS)),
  };
  const storesByState = new Map<string, Location[]>();
  for (const s of stores) storesByState.set(s.city.state, [...(storesByState.get(s.city.state) ?? []), s]);
  const plan: PlannedOrder[] = [];
  types.forEach((type, i) => {
    const ref = `${type}-${String(i + 1).padStart(6, '0')}`;
    const c = faker.number.int({ min: 1, max: customers.length });
    const customer = customers[c - 1]!;
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
    const delivery =
      type === 'HD'
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
            pickupLocationRef: faker.helpers.arrayElement(storesByState.get(customer.city.state) ?? stores).ref,
          };
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
    plan.push({ ref, type, target: targets[type].pop()! });
  });

  return {
    description: `Generated seed profile "${profile}" (seed value ${seedValue}): ${locations.length} locations (${sizes.warehouses} warehouses, ${stores.length} stores), ${productCount} products, ${skus.length * perSku} inventory positions, ${sizes.customers} customers, ${sizes.orders} orders.`,
    profile,
    seedValue,
    records,
    steps,
    plan: { locations: locations.map((l) => l.ref), orders: plan },
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

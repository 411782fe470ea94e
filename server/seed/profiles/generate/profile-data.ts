/**
 * The fixed data and shapes the profile generator draws from: Australian cities, carriers, sizes,
 * storage areas, the catalogue refs, and the plan `driveOrders` follows.
 */
import type { SeedFile } from '../../load-seed.js';
import type { OrderTarget, SeedProfile } from '../profile-sizes.js';

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
export const REFERENCE_DATE = new Date('2026-01-01T00:00:00.000Z');
export const CURRENCY = 'AUD';
export const TAX_TYPE = { country: 'AU', group: 'STANDARD', tariff: 'GST' };
export const GS1_PREFIX_AU = '930';

export type City = { code: string; city: string; state: string; postcode: string; lat: number; lon: number; timeZone: string; weight: number };

/** Real Australian cities (centre coordinates); locations and addresses are scattered around them. */
/** The location the default workflows reject unfulfillable items to (props.systemRejectedLocationRef). */
export const SYSTEM_REJECTED_LOCATION_REF = 'SYSTEM_REJECTED';

export const CITIES: readonly City[] = [
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

export const CARRIERS: readonly { ref: string; name: string }[] = [
  { ref: 'AUSPOST', name: 'Australia Post' },
  { ref: 'STARTRACK', name: 'StarTrack' },
  { ref: 'COURIERSPLEASE', name: 'CouriersPlease' },
  { ref: 'ARAMEX', name: 'Aramex' },
  { ref: 'DHL', name: 'DHL Express' },
  { ref: 'TOLL', name: 'Toll' },
  { ref: 'TNT', name: 'TNT' },
  { ref: 'SENDLE', name: 'Sendle' },
];

export const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export const STORE_AREAS = [
  { suffix: 'SHOPFLOOR', type: 'SHOP_FLOOR' },
  { suffix: 'BACKROOM', type: 'BACK_ROOM' },
] as const;
export const WAREHOUSE_AREAS = [
  { suffix: 'BULK', type: 'BULK' },
  { suffix: 'PICKFACE', type: 'PICK_FACE' },
  { suffix: 'DOCK', type: 'DISPATCH_DOCK' },
] as const;
export const STORE_ASSISTANT_PERMISSIONS = ['ORDER_VIEW', 'FULFILMENT_VIEW', 'FULFILMENT_UPDATE', 'LOCATION_VIEW', 'INVENTORY_VIEW'];

export type Location = { ref: string; type: 'STORE' | 'WAREHOUSE'; city: City; areas: string[] };
export type Sku = { ref: string; price: number };
export type Customer = { name: string; firstName: string; lastName: string; email: string; phone: string; city: City };

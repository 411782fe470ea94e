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
import { packagePath } from '../../lib/package-path.js';
import { readSeedFile, type SeedFile } from '../load-seed.js';
import { generateCustomers } from './generate/customers.js';
import { generateInventory } from './generate/inventory.js';
import { generateLocations, generateNetworks, generateSystemRejectedLocation } from './generate/locations.js';
import { generateOrders } from './generate/orders.js';
import { generateOrganisation } from './generate/organisation.js';
import { generateProducts } from './generate/products.js';
import { createProfileContext, type ProfileContext } from './generate/profile-context.js';
import { CURRENCY, MAX_SEED_VALUE, type ProfileSeed } from './generate/profile-data.js';
import { profileSizes, type ProfileSizes, type SeedProfile } from './profile-sizes.js';

export { apportion } from './generate/orders.js';
export {
  INVENTORY_CATALOGUE_REF,
  MAX_SEED_VALUE,
  PRODUCT_CATALOGUE_REF,
  PROFILE_RETAILER_ID,
  SYSTEM_REJECTED_LOCATION_REF,
  VIRTUAL_CATALOGUE_REF,
  type OrderPlan,
  type OrderType,
  type PlannedOrder,
  type ProfileSeed,
} from './generate/profile-data.js';

let defaultRecords: SeedFile['records'] | undefined;
/** Permissions and currencies: the same `records` as seeds/default.json. */
function baseRecords(): NonNullable<SeedFile['records']> {
  defaultRecords ??= readSeedFile(packagePath('seeds/default.json')).records ?? {};
  return structuredClone(defaultRecords);
}

/** The profile's seed, in named steps; each step draws from the one Faker in this order. */
export function generateProfile(profile: SeedProfile, seedValue: number, sizes: ProfileSizes = profileSizes(profile)): ProfileSeed {
  if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED_VALUE) {
    throw new RangeError(`The seed value must be an integer from 0 to ${MAX_SEED_VALUE}, got ${seedValue}`);
  }
  const ctx = createProfileContext(seedValue, sizes);
  const records = baseRecords();
  const { retailerRefs, carriers } = generateOrganisation(ctx, records);
  const locations = generateLocations(ctx, carriers);
  generateNetworks(ctx, locations, retailerRefs);
  generateSystemRejectedLocation(ctx);
  const { skus, productCount } = generateProducts(ctx);
  const perSku = generateInventory(ctx, skus, locations);
  const customers = generateCustomers(ctx);
  generateSettings(ctx, profile, seedValue);
  const orders = generateOrders(ctx, customers, skus, locations);
  const stores = locations.filter((l) => l.type === 'STORE').length;
  return {
    description: `Generated seed profile "${profile}" (seed value ${seedValue}): ${locations.length} locations (${sizes.warehouses} warehouses, ${stores} stores), ${productCount} products, ${skus.length * perSku} inventory positions, ${sizes.customers} customers, ${sizes.orders} orders.`,
    profile,
    seedValue,
    records,
    steps: ctx.steps,
    plan: { locations: locations.map((l) => l.ref), orders },
  };
}

function generateSettings(ctx: ProfileContext, profile: SeedProfile, seedValue: number): void {
  ctx.step('createSetting', { name: 'fc.rubix.sdk.webhook.retry.schedule', valueType: 'STRING', value: 'default', context: 'RETAILER', contextId: 1 });
  ctx.step('createSetting', {
    name: 'fc.sim.seed.profile',
    valueType: 'JSON',
    lobValue: { profile, seedValue, ...ctx.sizes },
    context: 'ACCOUNT',
    contextId: 0,
  });
  ctx.step('createSetting', { name: 'DEFAULT_CURRENCY', valueType: 'STRING', value: CURRENCY, context: 'RETAILER', contextId: 1 });
}

/**
 * Locations — warehouses in the big cities first, then stores where people live — with their
 * addresses, opening hours and storage areas, and the networks over them.
 */
import type { ProfileContext } from './profile-context.js';
import { CITIES, PROFILE_RETAILER_ID, STORE_AREAS, SYSTEM_REJECTED_LOCATION_REF, WAREHOUSE_AREAS, type City, type Location } from './profile-data.js';

export function generateLocations(ctx: ProfileContext, carriers: readonly { ref: string }[]): Location[] {
  const { sizes, pickCity } = ctx;
  const locations: Location[] = [];
  const addLocation = (type: Location['type'], n: number, city: City): void => void locations.push(createLocation(ctx, carriers, type, n, city));
  const bigCities = CITIES.slice(0, 5);
  for (let n = 1; n <= sizes.warehouses; n += 1) addLocation('WAREHOUSE', n, bigCities[(n - 1) % bigCities.length]!);
  // Every big city gets a store before the rest are spread by population.
  for (let n = 1; n <= sizes.stores; n += 1) addLocation('STORE', n, n <= bigCities.length ? bigCities[n - 1]! : pickCity());
  return locations;
}

function createLocation(ctx: ProfileContext, carriers: readonly { ref: string }[], type: Location['type'], n: number, city: City): Location {
  const { faker, step, near } = ctx;
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
        ...Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [
            [`${d}Start`, hours.start],
            [`${d}End`, hours.end],
          ]),
        ),
        ...Object.fromEntries(
          ['sat', 'sun'].flatMap((d) => [
            [`${d}Start`, hours.weekendStart],
            [`${d}End`, hours.weekendEnd],
          ]),
        ),
      },
      storageAreas: areas,
    },
    ref,
  );
  return { ref, type, city, areas: areas.map((a) => a.ref) };
}

/**
 * The location CreateFulfilmentForUnfulfillableItems puts what no location can give
 * (`systemRejectedLocationRef` SYSTEM_REJECTED in the default workflows), as seeds/default.json has
 * it: type SYSTEM, closed, in no network, so sourcing never proposes it.
 */
export function generateSystemRejectedLocation(ctx: ProfileContext): void {
  const closed = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d) => [`${d}Start`, `${d}End`]).map((k) => [k, 0]));
  const [hq] = CITIES;
  ctx.step(
    'createLocation',
    {
      ref: SYSTEM_REJECTED_LOCATION_REF,
      type: 'SYSTEM',
      name: 'System rejected (items no location can fulfil)',
      primaryAddress: {
        ref: `${SYSTEM_REJECTED_LOCATION_REF}_ADDR`,
        name: 'System rejected',
        country: 'Australia',
        latitude: hq!.lat,
        longitude: hq!.lon,
        timeZone: hq!.timeZone,
      },
      retailer: { id: PROFILE_RETAILER_ID },
      openingSchedule: { allHours: false, ...closed },
    },
    SYSTEM_REJECTED_LOCATION_REF,
  );
}

/** Networks: everything, the click & collect stores, and one per state with two or more locations. */
export function generateNetworks(ctx: ProfileContext, locations: readonly Location[], retailerRefs: readonly { id: string }[]): void {
  const { step } = ctx;
  const stores = locations.filter((l) => l.type === 'STORE');
  const members = (list: readonly Location[]): { id: string }[] => list.map((l) => ({ id: `$${l.ref}.id` }));
  step('createNetwork', { name: 'BASE', type: 'BASE', retailers: retailerRefs, locations: members(locations) }, 'network-BASE');
  step('createNetwork', { name: 'STORES', type: 'CC', retailers: [{ id: PROFILE_RETAILER_ID }], locations: members(stores) });
  const states = [...new Set(locations.map((l) => l.city.state))].sort();
  for (const state of states) {
    const inState = locations.filter((l) => l.city.state === state);
    if (inState.length >= 2)
      step('createNetwork', { name: `REGION_${state}`, type: 'REGIONAL', retailers: [{ id: PROFILE_RETAILER_ID }], locations: members(inState) });
  }
}

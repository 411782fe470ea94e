/**
 * The simulator's offline geocoder, used by `order.ResolveOrderCoordinates` in place of the
 * Google geocoder Fluent calls (setting `GEOCODER.API`,
 * https://docs.fluentcommerce.com/building-blocks/resolveordercoordinates). [inferred] All of it:
 * the simulator never goes online, so an address is placed, in this order, at
 *   1. the centre of the account's locations whose primary address has the same postcode
 *      (and the same country, when both name one; a name or an ISO alpha-2 code: "AU" is "Australia");
 *   2. else the centre of those in the same city (case and spaces ignored);
 *   3. else the city centre in CITY_CENTRES below, by postcode, then by city;
 *   4. else nowhere: the address is "invalid" for the rule.
 * Correct it here; nothing else geocodes.
 */
import type { EntityView } from '../../port.js';
import { walk } from './json-path.js';
import type { Coordinates } from './order-coordinates.js';

/** Public city-centre coordinates of Australian cities (the seeds' and profiles' country). */
export const CITY_CENTRES: readonly { city: string; postcode: string; country: string; latitude: number; longitude: number }[] = [
  { city: 'Sydney', postcode: '2000', country: 'Australia', latitude: -33.8688, longitude: 151.2093 },
  { city: 'Melbourne', postcode: '3000', country: 'Australia', latitude: -37.8136, longitude: 144.9631 },
  { city: 'Brisbane', postcode: '4000', country: 'Australia', latitude: -27.4698, longitude: 153.0251 },
  { city: 'Perth', postcode: '6000', country: 'Australia', latitude: -31.9523, longitude: 115.8613 },
  { city: 'Adelaide', postcode: '5000', country: 'Australia', latitude: -34.9285, longitude: 138.6007 },
  { city: 'Canberra', postcode: '2601', country: 'Australia', latitude: -35.2809, longitude: 149.13 },
  { city: 'Hobart', postcode: '7000', country: 'Australia', latitude: -42.8821, longitude: 147.3272 },
  { city: 'Darwin', postcode: '0800', country: 'Australia', latitude: -12.4634, longitude: 130.8456 },
  { city: 'Gold Coast', postcode: '4217', country: 'Australia', latitude: -28.0167, longitude: 153.4 },
  { city: 'Newcastle', postcode: '2300', country: 'Australia', latitude: -32.9283, longitude: 151.7817 },
  { city: 'Geelong', postcode: '3220', country: 'Australia', latitude: -38.1499, longitude: 144.3617 },
  { city: 'Wollongong', postcode: '2500', country: 'Australia', latitude: -34.4278, longitude: 150.8931 },
  { city: 'Dandenong', postcode: '3175', country: 'Australia', latitude: -37.9875, longitude: 145.2149 },
];

export type PostalAddress = { postcode?: unknown; city?: unknown; country?: unknown };

const norm = (value: unknown): string | undefined => {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : undefined;
  return text === undefined || text.length === 0 ? undefined : text;
};
/**
 * English names of ISO 3166 alpha-2 codes ("AU" → "Australia"), from the runtime's ICU data; made
 * on the first code seen (constructing it costs ≈ 9 ms, which start-up need not pay).
 */
let regionNames: Intl.DisplayNames | undefined;
/** A country as a lower-case name, whether given as a name or an alpha-2 code ("AU", "au", "Australia" agree). */
const normCountry = (value: unknown): string | undefined => {
  const text = norm(value);
  if (text === undefined || !/^[a-z]{2}$/.test(text)) return text;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return norm(regionNames.of(text.toUpperCase())) ?? text;
};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function centre(points: readonly Coordinates[]): Coordinates | undefined {
  if (points.length === 0) return undefined;
  const sum = points.reduce((a, p) => ({ latitude: a.latitude + p.latitude, longitude: a.longitude + p.longitude }), { latitude: 0, longitude: 0 });
  return { latitude: round(sum.latitude / points.length), longitude: round(sum.longitude / points.length) };
}

type Place = { postcode: string | undefined; city: string | undefined; country: string | undefined; at: Coordinates };

function placeOf(location: Readonly<EntityView>): Place[] {
  const address = location.fields['primaryAddress'];
  const latitude = num(walk(address, ['latitude']));
  const longitude = num(walk(address, ['longitude']));
  if (latitude === undefined || longitude === undefined) return [];
  const [postcode, city] = ['postcode', 'city'].map((k) => norm(walk(address, [k])));
  return [{ postcode, city, country: normCountry(walk(address, ['country'])), at: { latitude, longitude } }];
}

/** Where `address` is, from the account's `locations` or the built-in table; undefined when it cannot be placed. */
export function geocode(address: PostalAddress, locations: readonly Readonly<EntityView>[]): Coordinates | undefined {
  const postcode = norm(address.postcode);
  const city = norm(address.city);
  const country = normCountry(address.country);
  const sameCountry = (p: Place) => country === undefined || p.country === undefined || p.country === country;
  const fromLocations = locations.flatMap(placeOf).filter(sameCountry);
  const fromTable = CITY_CENTRES.map((c): Place => ({ postcode: norm(c.postcode), city: norm(c.city), country: normCountry(c.country), at: c })).filter(
    sameCountry,
  );
  const match = (list: readonly Place[], key: 'postcode' | 'city', value: string | undefined) =>
    value === undefined ? undefined : centre(list.filter((p) => p[key] === value).map((p) => p.at));
  return (
    match(fromLocations, 'postcode', postcode) ?? match(fromLocations, 'city', city) ?? match(fromTable, 'postcode', postcode) ?? match(fromTable, 'city', city)
  );
}

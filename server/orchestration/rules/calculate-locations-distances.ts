/**
 * `commonv2.CalculateLocationsDistances` (Order Reference Module, accepts ORDER): adds `distance`
 * (km, great-circle) from the order to each of the event's `locations` and forwards them nearest
 * first as props.eventName (workflow-contracts.md §5.2).
 * The order's position is its delivery address coordinates, or for click & collect the pickup
 * location's [inferred]. Without coordinates on either side, the distance is left out and
 * warehouses come first, then by ref [inferred: the simulator does not geocode].
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { sourcingScope } from './support/fulfilment-choice.js';
import { walk } from './support/json-path.js';
import { orderCoordinates, type Coordinates } from './support/order-coordinates.js';
import { candidateLocation, type CandidateLocation } from './support/order-sourcing.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.CalculateLocationsDistances';
const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine). */
function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 1000) / 1000;
}

function originOf(order: Readonly<EntityView>, read: DomainReader): Coordinates | undefined {
  const pickupRef = walk(order.fields, ['fulfilmentChoice', 'pickupLocationRef']);
  const pickup = typeof pickupRef === 'string' ? read.find({ entityType: 'LOCATION', ref: pickupRef }) : undefined;
  const latitude = walk(pickup?.fields['primaryAddress'], ['latitude']);
  const longitude = walk(pickup?.fields['primaryAddress'], ['longitude']);
  if (typeof latitude === 'number' && typeof longitude === 'number') return { latitude, longitude };
  return orderCoordinates(order, read);
}

const byTypeThenRef = (a: CandidateLocation, b: CandidateLocation) =>
  Number(b.type === 'WAREHOUSE') - Number(a.type === 'WAREHOUSE') || a.ref.localeCompare(b.ref);

export const calculateLocationsDistances = defineRule({
  name: NAME,
  aliases: ['order.CalculateLocationsDistances', 'base.CalculateLocationsDistances'],
  inferred: 'origin for click & collect; order without coordinates: warehouses first, then by ref',
  description: 'Adds the distance from the order to each event location and forwards them nearest first as props.eventName.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = sourcingScope(entity, read, NAME);
    const { locations } = parseAttributes(event, z.object({ locations: z.array(candidateLocation) }), NAME);
    const origin = originOf(order, scoped);
    const measured = locations.map(
      ({ distance: _old, ...l }): CandidateLocation =>
        origin && l.latitude !== undefined && l.longitude !== undefined
          ? { ...l, distance: distanceKm(origin, { latitude: l.latitude, longitude: l.longitude }) }
          : l,
    );
    const sorted = measured.sort((a, b) => (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) || byTypeThenRef(a, b));
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, locations: sorted } })];
  },
});

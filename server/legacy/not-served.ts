/**
 * Legacy v4.1 endpoints Fluent documents that the simulator does not serve. A client calling one
 * gets the platform's error body with 501 and a message naming what to use instead, rather than
 * the generic "No endpoint" 404 a path the platform does not have gets, so a storefront that
 * relies on one fails loudly and says why (docs/legacy-rest.md "Not served").
 */
import { SimError } from '../domain/errors.js';

export type NotServed = {
  method: 'get' | 'post' | 'put';
  path: string;
  /** Where Fluent documents it. */
  source: string;
  /** What to call instead. */
  instead: string;
};

export const NOT_SERVED: readonly NotServed[] = [
  {
    method: 'post',
    path: '/api/v4.1/location',
    source: "Fluent's Location API (methods GET, POST, PUT; permission LOCATION_CREATE)",
    instead: 'create locations with the GraphQL createLocation mutation',
  },
  {
    method: 'post',
    path: '/api/v4.1/consignment',
    source: "Fluent's Consignment API (consignment details for articles of fulfilments booked outside the platform)",
    instead: 'create consignments with the GraphQL createConsignment mutation',
  },
];

export function notServedError(entry: NotServed): SimError {
  return new SimError(
    'NOT_SIMULATED',
    `${entry.method.toUpperCase()} ${entry.path} (${entry.source}) is not simulated by fluent-sim: ${entry.instead} (docs/legacy-rest.md "Not served")`,
  );
}

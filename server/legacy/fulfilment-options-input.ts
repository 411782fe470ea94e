/**
 * `POST /api/v4.1/fulfilmentOptions` body (Fluent's "Fulfillment Options API" page: `limit`,
 * `orderType`, `locationRef`, `retailerId`, `items[]` of `skuRef` and `requestedQuantity`, an
 * `address`) → the `CreateFulfilmentOptionInput` of the GraphQL `createFulfilmentOption`
 * mutation, run with `executionMode: AWAIT_ORCHESTRATION`. The legacy body has no ref or type:
 * the simulator gives the option a generated UUID ref and the type `DEFAULT` [inferred].
 */
import { z } from 'zod';
import { idText, parseBody } from './parse-body.js';

const optionSchema = z.object({
  retailerId: z
    .union([z.string(), z.number()], { error: 'expected a string or a number' })
    .transform(idText)
    .refine((id) => /^\d+$/.test(id), 'expected a numeric retailer id'),
  orderType: z.string().nullish(),
  locationRef: z.string().nullish(),
  limit: z.coerce.number().int('expected a whole number').positive('expected a limit above 0').nullish(),
  type: z.string().nullish(),
  address: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
  items: z.array(
    z.object({
      skuRef: z.string({ error: 'expected a string' }),
      requestedQuantity: z.coerce.number().int('expected a whole number').positive('expected a quantity above 0').nullish(),
      catalogueRef: z.string().nullish(),
    }),
    { error: 'expected a list of items' },
  ),
});

export type LegacyFulfilmentOptions = z.output<typeof optionSchema>;

const EXAMPLE = '{"retailerId": "1", "orderType": "CC", "locationRef": "…", "limit": 10, "items": [{"skuRef": "…", "requestedQuantity": 1}]}';

export function parseLegacyFulfilmentOptions(body: unknown): LegacyFulfilmentOptions {
  return parseBody(body, optionSchema, ['retailerId', 'items'], EXAMPLE);
}

export function toCreateFulfilmentOptionInput(options: LegacyFulfilmentOptions, ref: string): Record<string, unknown> {
  const input: Record<string, unknown> = {
    ref,
    type: options.type ?? 'DEFAULT',
    retailerId: Number(options.retailerId),
    products: options.items.map((item) => ({
      productRef: item.skuRef,
      catalogueRef: item.catalogueRef ?? null,
      requestedQuantity: item.requestedQuantity ?? null,
    })),
  };
  if (options.orderType != null) input['orderType'] = options.orderType;
  if (options.locationRef != null) input['locationRef'] = options.locationRef;
  if (options.address != null) input['address'] = options.address;
  return input;
}

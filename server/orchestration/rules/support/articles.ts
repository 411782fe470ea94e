/**
 * `ArticleDetails`, the packed parcel a store associate describes (Fulfilment Reference Module,
 * https://docs.fluentcommerce.com/building-blocks/notifyfulfilmentsinwave): packaging_name, length,
 * width, height (cm) and weight (kg) required, maxWeight optional; given as strings, numbers taken.
 */
import { z } from 'zod';

const measure = z
  .union([z.string().trim().min(1), z.number()])
  .transform(Number)
  .refine((n) => Number.isFinite(n) && n >= 0, { message: 'Expected a number ≥ 0' });

export const articleDetails = z.object({
  packaging_name: z.string().trim().min(1),
  length: measure,
  width: measure,
  height: measure,
  weight: measure,
  maxWeight: measure.optional(),
});

export type ArticleDetails = z.infer<typeof articleDetails>;

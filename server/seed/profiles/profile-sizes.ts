/**
 * The sizes of the generated seed profiles (`--seed small|demo|large`), read from
 * `seeds/profiles.json`: data, not code, so a profile is retuned without touching the generator.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SimError } from '../../domain/errors.js';
import { errorMessage, isOneOf } from '../../lib/guards.js';
import { packagePath } from '../../lib/package-path.js';

export const SEED_PROFILES = ['small', 'demo', 'large'] as const;
export type SeedProfile = (typeof SEED_PROFILES)[number];

export const isSeedProfile = (name: string): name is SeedProfile => isOneOf(SEED_PROFILES, name);

/** The order statuses a profile can leave orders in, and which order types can reach them. */
export const HD_TARGETS = ['BOOKED', 'PICK_PACK', 'COMPLETE', 'CANCELLED'] as const;
export const CC_TARGETS = ['BOOKED', 'PICK_PACK', 'AWAITING_COLLECTION', 'COMPLETE', 'CANCELLED'] as const;
export type OrderTarget = (typeof CC_TARGETS)[number];

const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

export const ProfileSizesSchema = z
  .object({
    /** Retailer 1 owns everything; further retailers are partners in the BASE network. */
    retailers: z.number().int().min(1),
    warehouses: z.number().int().min(1),
    /** At least one: click & collect orders need a pickup store. */
    stores: z.number().int().min(1),
    carriers: z.number().int().min(1),
    categories: z.number().int().min(1),
    /** Standard and variant products together. */
    products: z.number().int().min(1),
    maxVariantsPerProduct: count,
    /** Locations each sellable SKU has an inventory position at (capped by the location count). */
    positionsPerSku: z.number().int().min(1),
    customers: z.number().int().min(1),
    orders: count,
    maxItemsPerOrder: z.number().int().min(1),
    clickAndCollectShare: share,
    /** Share of each order type's orders driven to each status (normalised; BOOKED = left as created). */
    orderStatusShares: z.object({
      HD: z.partialRecord(z.enum(HD_TARGETS), share),
      CC: z.partialRecord(z.enum(CC_TARGETS), share),
    }),
  })
  .strict();
export type ProfileSizes = z.infer<typeof ProfileSizesSchema>;

const ProfilesFileSchema = z.object({
  description: z.string().optional(),
  profiles: z.object({ small: ProfileSizesSchema, demo: ProfileSizesSchema, large: ProfileSizesSchema }),
});

let cached: Record<SeedProfile, ProfileSizes> | undefined;

/** The sizes of every profile from `seeds/profiles.json` (read once). */
export function readProfileSizes(): Record<SeedProfile, ProfileSizes> {
  if (cached) return cached;
  const path = packagePath('seeds/profiles.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `${path} is not readable JSON: ${errorMessage(error)}`);
  }
  const parsed = ProfilesFileSchema.safeParse(raw);
  if (!parsed.success) throw new SimError('CONFIG_INVALID', `${path}:\n${z.prettifyError(parsed.error)}`);
  cached = parsed.data.profiles;
  return cached;
}

export function profileSizes(profile: SeedProfile): ProfileSizes {
  const sizes = readProfileSizes()[profile];
  if (!sizes) throw new SimError('CONFIG_INVALID', `Unknown seed profile "${String(profile)}": use one of ${SEED_PROFILES.join(', ')}`);
  return sizes;
}

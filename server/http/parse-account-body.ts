/**
 * The body of `POST /_sim/accounts`: an optional id and a seed that is a profile name or a seed
 * document (the same shape as a seed file), never a path. Reading files stays a command-line and
 * configuration feature: over HTTP a path would let anyone on the network read the disk
 * (issue 16 #1). `large` is left out too: one costs about 700 MB of heap.
 */
import { z } from 'zod';
import { SimError } from '../domain/errors.js';
import type { SeedFile } from '../seed/load-seed.js';

export const HTTP_SEED_PROFILES = ['default', 'none', 'small', 'demo'] as const;

const SeedStep = z.object({ mutation: z.string().min(1).max(100), input: z.record(z.string(), z.unknown()), as: z.string().max(100).optional() }).strict();
const SeedDocument = z
  .object({
    description: z.string().max(1000).optional(),
    records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
    steps: z.array(SeedStep),
  })
  .strict();

const AccountBody = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, '1 to 40 letters, digits, _ or -')
      .optional(),
    seed: z
      .union([z.enum(HTTP_SEED_PROFILES), SeedDocument], {
        error: `a profile name (${HTTP_SEED_PROFILES.join(', ')}) or a seed document {"records"?, "steps": [...]}; file paths are accepted on the command line only`,
      })
      .optional(),
  })
  .strict();

export type AccountRequest = { id?: string; seed?: string | SeedFile };

export function parseAccountBody(body: unknown, maxSeedEntries: number): AccountRequest {
  const parsed = AccountBody.safeParse(body ?? {});
  if (!parsed.success)
    throw new SimError(
      'VALIDATION_FAILED',
      `POST /_sim/accounts expects {"id"?: "ACME", "seed"?: "default" | {seed document}}: ${z.prettifyError(parsed.error)}`,
    );
  const { id, seed } = parsed.data;
  if (typeof seed === 'object') {
    const entries = seed.steps.length + Object.values(seed.records ?? {}).reduce((n, list) => n + list.length, 0);
    if (entries > maxSeedEntries) {
      throw new SimError('PAYLOAD_TOO_LARGE', `The seed document holds ${entries} steps and records; at most ${maxSeedEntries} (--max-seed-entries)`);
    }
  }
  return { ...(id === undefined ? {} : { id }), ...(seed === undefined ? {} : { seed }) };
}

/**
 * The simulator's configuration: one zod schema with defaults, validated once and frozen.
 * `main.ts` builds the raw values from command-line flags and `FLUENT_SIM_*` environment
 * variables (cli.ts); everything else receives a `Config`.
 */
import { z } from 'zod';
import { SimError } from './domain/errors.js';

export const ConfigSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  port: z.coerce.number().int().min(0).max(65535).default(8686),
  /** Interface to bind; 0.0.0.0 inside containers. */
  host: z.string().min(1).default('127.0.0.1'),
  /** The default account (fluent-platform.md §1). */
  account: z.string().min(1).default('LOCAL'),
  clientId: z.string().min(1).default('LOCAL'),
  clientSecret: z.string().min(1).default('local-secret'),
  username: z.string().min(1).default('admin'),
  password: z.string().min(1).default('password'),
  retailerId: z.string().regex(/^\d+$/, 'a numeric retailer id').default('1'),
  /** Access-token lifetime in seconds (the docs' example is about 24 h, §1.3). */
  tokenTtl: z.coerce.number().int().positive().default(86_400),
  /** Issue single-use refresh tokens (§1.2). */
  refreshTokens: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Accept grant_type=client_credentials (§8 #1). */
  clientCredentials: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Seed profile loaded at start. */
  seed: z.string().min(1).default('default'),
  /** Faker seed for the generated profiles (small, demo, large): the same value gives the same data. */
  seedValue: z.coerce.number().int().min(0).max(4_294_967_295).default(1),
  /** Extra workflow folder, loaded after rulesets/. */
  workflows: z.string().optional(),
  /** Folder of user rule modules. */
  rules: z.string().optional(),
  /** Rule-stub file: custom rules described with building blocks (docs/your-own-rules.md). */
  ruleStubs: z.string().min(1).optional(),
  /** What to do with a workflow rule the simulator does not know (§5, design §4). */
  unknownRules: z.enum(['skip', 'error']).default('skip'),
  /** Connection page size when neither first nor last is given (§8 #12, [inferred]). */
  pageSize: z.coerce.number().int().positive().default(10),
  /** Largest page a connection returns (§2.4: 500 for product searches). */
  maxPageSize: z.coerce.number().int().positive().default(500),
  /** Start with the virtual clock frozen at this instant (ISO); default: running from now. */
  clockStart: z.string().datetime({ offset: true }).optional(),
  /** Persist everything to this JSON file (lowdb); in memory when absent. */
  data: z.string().min(1).optional(),
  /** fsync every journal line before answering (docs/persistence.md); otherwise it reaches the OS. */
  dataFsync: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** PEM file of the RSA private key webhooks are signed with; generated (and kept with --data) when absent. */
  webhookKey: z.string().min(1).optional(),
  /** Per-attempt webhook timeout in milliseconds (§8 #18). */
  webhookTimeout: z.coerce.number().int().positive().default(5000),
  /** PENDING webhook deliveries per account at most; past it a delivery is recorded FAILED unsent (docs/webhooks.md). */
  webhookMaxPending: z.coerce.number().int().positive().default(1000),
  /** Event log records kept per account, oldest dropped first (orchestration/event-log.ts). */
  eventRetention: z.coerce.number().int().min(1000).default(100_000),
  /** Days of event log kept per account, on the virtual clock (§3.5: event search covers 30 days). */
  eventRetentionDays: z.coerce.number().positive().default(30),
  /** JSON file with a list of faults for the default account, as `POST /_sim/faults` takes them. */
  faults: z.string().min(1).optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Secret `/_sim/*` requires (header `x-fluent-sim-control-token`). Without one, the control
   * plane is open on a loopback host and a random token is generated for any other host
   * (docs/limits-and-security.md).
   */
  controlToken: z.string().min(16, 'at least 16 characters').optional(),
  /** Largest request body in bytes; the platform's GraphQL limit is 2 MB (413 above it). */
  maxBodyBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  /** GraphQL: the platform's total complexity limit (C0001E above it). */
  maxQueryComplexity: z.coerce.number().int().positive().default(11_111),
  /** GraphQL: deepest selection nesting (simulator's own limit, C0001E). */
  maxQueryDepth: z.coerce.number().int().positive().default(20),
  /** GraphQL: most aliases in one document (simulator's own limit, C0001E). */
  maxQueryAliases: z.coerce.number().int().positive().default(100),
  /** GraphQL: longest list in a request's input (order items, …), so no request blocks others long. */
  maxInputList: z.coerce.number().int().positive().default(100),
  /** Accounts the simulator holds at most, the default one included. */
  maxAccounts: z.coerce.number().int().positive().default(50),
  /** Steps plus records a seed document sent to `POST /_sim/accounts` may hold. */
  maxSeedEntries: z.coerce.number().int().positive().default(5000),
  /** Milliseconds a client has to send a request's headers, and the whole request. */
  headersTimeout: z.coerce.number().int().positive().default(10_000),
  requestTimeout: z.coerce.number().int().positive().default(30_000),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;
export type RawConfig = z.input<typeof ConfigSchema>;

export function loadConfig(raw: Record<string, unknown>): Config {
  // Parsed once per start: zod's compiled fast path would cost more to build than it saves (issue 17).
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)), { jitless: true });
  if (!parsed.success) throw new SimError('CONFIG_INVALID', `Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  return Object.freeze(parsed.data);
}

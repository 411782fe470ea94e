/**
 * One record of a retailer batch (`action: CREATE`, `entityType: RETAILER`, fluent-platform.md
 * §4.5): checks it, creates the Retailer through `createRetailer` and its admin user
 * `<retailerId>_admin` through `createUser`, as a client would. Returns the per-record error
 * when the record is invalid or its retailer or user already exists; nothing is written then.
 *
 * Field mapping [inferred]: `retailerId` → the retailer's `ref` (CreateRetailerInput `name`, §8
 * #14), `tradingName` (else `retailerName`) → `tradingName`, `retailerName` → `summary`,
 * `customerSupportPhone`/`customerSupportEmail`/`website` → `supportPhone`/`supportEmail`/`websiteUrl`.
 */
import type { BatchAccount } from './job-service.js';
import { isSimError } from '../domain/errors.js';
import { runCommand } from '../domain/commands/run-command.js';
import { isRecord, propertyOf } from '../lib/guards.js';
import type { RecordResult } from './job-model.js';

export type RetailerBatchContext = {
  account: BatchAccount;
  /** Password of the `<retailerId>_admin` users the batch creates [inferred: the platform's is not known]. */
  adminPassword: string;
};

/** §4.5: `retailerName` at most 45 characters, the other fields at most 255. */
const MAX_LENGTHS: Readonly<Record<string, number>> = {
  retailerId: 255,
  retailerName: 45,
  region: 255,
  tradingName: 255,
  customerSupportPhone: 255,
  customerSupportEmail: 255,
  website: 255,
};

type RetailerFields = Partial<Record<keyof typeof MAX_LENGTHS, string>>;

/** The checked fields, or the problem with them. */
function check(raw: unknown): RetailerFields | string {
  if (!isRecord(raw)) return `record must be a JSON object {retailerId, retailerName, …}, got ${JSON.stringify(raw)}`;
  const out: RetailerFields = {};
  for (const [name, max] of Object.entries(MAX_LENGTHS)) {
    const value = raw[name];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number') return `'${name}' must be a string, got ${JSON.stringify(value)}`;
    const text = String(value);
    if (text.length > max) return `'${name}' is ${text.length} characters long; at most ${max} are allowed`;
    out[name] = text;
  }
  if (out['retailerId'] === undefined) return "'retailerId' is required";
  return out;
}

function without(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

export function applyRetailerRecord(ctx: RetailerBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  const given = propertyOf(raw, 'retailerId');
  const failure = (code: string, message: string): RecordResult => {
    const retailerId = typeof given === 'string' || typeof given === 'number' ? String(given) : null;
    return { recordIndex, retailerId, entityRef: retailerId, code, message };
  };
  const fields = check(raw);
  if (typeof fields === 'string') return failure('400', fields);
  const retailerId = fields['retailerId']!;
  const username = `${retailerId}_admin`;
  const { account } = ctx;
  if (account.view.candidates('Retailer', retailerId).length > 0) return failure('400', `Retailer "${retailerId}" already exists`);
  if (account.users.find(username)) return failure('400', `User "${username}" already exists`);
  try {
    const retailer = runCommand(account, 'createRetailer', {
      input: without({
        name: retailerId,
        tradingName: fields['tradingName'] ?? fields['retailerName'] ?? retailerId,
        summary: fields['retailerName'],
        region: fields['region'],
        supportPhone: fields['customerSupportPhone'],
        supportEmail: fields['customerSupportEmail'],
        websiteUrl: fields['website'],
      }),
    });
    runCommand(account, 'createUser', {
      input: {
        ref: username,
        username,
        password: ctx.adminPassword,
        firstName: fields['retailerName'] ?? retailerId,
        lastName: 'Admin',
        primaryEmail: fields['customerSupportEmail'] ?? `${username}@fluent-sim.local`,
        type: 'ADMIN',
        timezone: 'UTC',
        primaryRetailer: { id: propertyOf(retailer, 'id') },
        roles: [{ role: { name: 'ADMIN' }, contexts: [{ contextType: 'RETAILER', contextId: propertyOf(retailer, 'id') }] }],
      },
    });
  } catch (error) {
    if (!isSimError(error)) throw error;
    return failure(error.spec.restCode, error.message);
  }
  return undefined;
}

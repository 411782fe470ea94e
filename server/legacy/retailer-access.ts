/**
 * Retailer-scoped access for the REST APIs (issue 14). Fluent grants permissions per role
 * context: the Workflow API requires its permissions "for the RETAILER context" and documents a
 * 403 Forbidden (docs.fluentcommerce.com/essential-knowledge/workflow-api). The simulator reads
 * the user's role contexts: a role with an `ACCOUNT` context opens every retailer, a `RETAILER`
 * context opens that retailer only. A user with no role context at all (a bare `createUser`)
 * falls back to its `primaryRetailer` [inferred]. The 403 body is [inferred]: the platform's
 * page lists the status only.
 */
import { recordsIn } from '../lib/guards.js';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { AuthUser } from '../graphql/context.js';

type RoleContext = { contextType?: unknown; contextId?: unknown };

/** The retailers a user may act for, or `'all'` when a role has an account context. */
export function retailerScopeOf(account: Account, user: AuthUser): 'all' | Set<string> {
  const contexts = roleContextsOf(userRecord(account, user.username));
  if (contexts.some((c) => String(c.contextType).toUpperCase() === 'ACCOUNT')) return 'all';
  const retailers = contexts.filter((c) => String(c.contextType).toUpperCase() === 'RETAILER').map((c) => String(c.contextId));
  if (retailers.length === 0 && user.retailerId !== undefined) retailers.push(user.retailerId);
  return new Set(retailers);
}

export function canAccessRetailer(account: Account, user: AuthUser, retailerId: string): boolean {
  const scope = retailerScopeOf(account, user);
  return scope === 'all' || scope.has(retailerId);
}

/** Throws the 403 when the user may not act for `retailerId`. */
export function assertRetailerAccess(account: Account, user: AuthUser, retailerId: string): void {
  if (canAccessRetailer(account, user, retailerId)) return;
  throw new SimError(
    'FORBIDDEN',
    `User "${user.username}" has no role for retailer ${retailerId}; its roles grant access to ${describe(retailerScopeOf(account, user))}`,
  );
}

function describe(scope: 'all' | Set<string>): string {
  if (scope === 'all') return 'every retailer';
  return scope.size === 0 ? 'no retailer' : `retailer ${[...scope].join(', ')}`;
}

function userRecord(account: Account, username: string): EntityRecord | undefined {
  for (const id of account.store.candidates('User')) {
    const record = account.store.get('User', String(id));
    if (record?.['username'] === username) return record;
  }
  return undefined;
}

function roleContextsOf(user: EntityRecord | undefined): RoleContext[] {
  const listOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? recordsIn(value) : []);
  return listOf(user?.['roles']).flatMap((role) => listOf(role['contexts']));
}

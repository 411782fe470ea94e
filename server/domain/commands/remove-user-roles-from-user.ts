/**
 * `removeUserRolesFromUser(input: {user: UserKey, roles: [UserRoleKey{role, contexts}]})`:
 * "Removes one or more `UserRole`s from an `User`" (schema description). A `UserRoleKey` names
 * the role and "the `RoleContext` objects to remove": those contexts leave the user's role, and
 * the role itself goes when no context is left (or when the key lists no contexts) [inferred from
 * the key's descriptions]. Unknown user or role: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { isLinkRef, type EntityRecord } from '../store/store.js';
import type { Transaction } from '../transaction.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED } from './remove-links.js';
import { requireInput } from './require-input.js';

type RoleContext = { contextType: string; contextId: string | number };
type UserRole = { role: unknown; contexts: RoleContext[] | null };
type UserRoleKey = { role: { name: string }; contexts: RoleContext[] };
type Args = { input?: { user: Key; roles: UserRoleKey[] } | null };

export function removeUserRolesFromUser(domain: Domain, args: Record<string, unknown>): typeof REMOVE_SUCCEEDED {
  const input = requireInput((args as Args).input, 'removeUserRolesFromUser');
  return domain.entities.write((tx) => {
    const user = findRequired(domain, tx, 'User', input.user, 'removeUserRolesFromUser');
    for (const key of input.roles) findRequired(domain, tx, 'Role', key.role, 'removeUserRolesFromUser');
    const before = Array.isArray(user['roles']) ? (user['roles'] as UserRole[]) : [];
    const after = input.roles.reduce((roles, key) => withoutKey(tx, roles, key), before);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      tx.put({ ...structuredClone(user), roles: after, updatedOn: domain.clock.now().toISOString() });
    }
    return REMOVE_SUCCEEDED;
  });
}

function withoutKey(tx: Transaction, roles: UserRole[], key: UserRoleKey): UserRole[] {
  const sameContext = (a: RoleContext, b: RoleContext): boolean => a.contextType === b.contextType && String(a.contextId) === String(b.contextId);
  return roles.flatMap((userRole) => {
    if (roleName(tx, userRole.role) !== key.role.name) return [userRole];
    if (key.contexts.length === 0) return [];
    const contexts = (userRole.contexts ?? []).filter((c) => !key.contexts.some((k) => sameContext(c, k)));
    return contexts.length ? [{ ...userRole, contexts }] : [];
  });
}

/** A user role names its role by key (`{name}`, as UserRoleInput stores it) or by link. */
function roleName(tx: Transaction, role: unknown): unknown {
  if (isLinkRef(role)) return (tx.get(role.__link, role.id) as EntityRecord | undefined)?.['name'];
  return role && typeof role === 'object' ? (role as { name?: unknown }).name : undefined;
}

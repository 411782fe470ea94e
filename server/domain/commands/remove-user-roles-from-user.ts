/**
 * `removeUserRolesFromUser(input: {user: UserKey, roles: [UserRoleKey{role, contexts}]})`:
 * "Removes one or more `UserRole`s from an `User`" (schema description). A `UserRoleKey` names
 * the role and "the `RoleContext` objects to remove": those contexts leave the user's role, and
 * the role itself goes when no context is left (or when the key lists no contexts) [inferred from
 * the key's descriptions]. Unknown user or role: C0120E, nothing changed.
 */
import type { Domain } from '../domain.js';
import { isRecord, propertyOf } from '../../lib/guards.js';
import { isLinkRef } from '../store/store.js';
import type { Transaction } from '../transaction.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED } from './remove-links.js';
import { requireInput } from './require-input.js';

type RoleContext = { contextType: string; contextId: string | number };
type UserRoleKey = { role: { name: string }; contexts: RoleContext[] };
type Args = { input?: { user: Key; roles: UserRoleKey[] } | null };

export function removeUserRolesFromUser(domain: Domain, args: Args): typeof REMOVE_SUCCEEDED {
  const input = requireInput(args.input, 'removeUserRolesFromUser');
  return domain.entities.write((tx) => {
    const user = findRequired(domain, tx, 'User', input.user, 'removeUserRolesFromUser');
    for (const key of input.roles) findRequired(domain, tx, 'Role', key.role, 'removeUserRolesFromUser');
    const roles = user['roles'];
    const before: unknown[] = Array.isArray(roles) ? roles : [];
    const after = input.roles.reduce((roles, key) => withoutKey(tx, roles, key), before);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      tx.put({ ...structuredClone(user), roles: after, updatedOn: domain.clock.now().toISOString() });
    }
    return REMOVE_SUCCEEDED;
  });
}

/** A stored user role (`{role, contexts}`) with the key's contexts taken out; gone when none is left. */
function withoutKey(tx: Transaction, roles: unknown[], key: UserRoleKey): unknown[] {
  const sameContext = (held: unknown, k: RoleContext): boolean =>
    propertyOf(held, 'contextType') === k.contextType && String(propertyOf(held, 'contextId')) === String(k.contextId);
  return roles.flatMap((userRole) => {
    if (!isRecord(userRole) || roleName(tx, userRole['role']) !== key.role.name) return [userRole];
    if (key.contexts.length === 0) return [];
    const held = userRole['contexts'];
    const contexts = (Array.isArray(held) ? held : []).filter((c) => !key.contexts.some((k) => sameContext(c, k)));
    return contexts.length ? [{ ...userRole, contexts }] : [];
  });
}

/** A user role names its role by key (`{name}`, as UserRoleInput stores it) or by link. */
function roleName(tx: Transaction, role: unknown): unknown {
  if (isLinkRef(role)) return tx.get(role.__link, role.id)?.['name'];
  return propertyOf(role, 'name');
}

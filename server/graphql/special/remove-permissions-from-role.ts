/**
 * `removePermissionsFromRole(input: {role: RoleKey, permissions: [PermissionKey]})`: "Removes one
 * or more `Permission`s from a `Role`" (schema description). Unknown role or permission: C0120E,
 * nothing changed.
 */
import type { GraphQLContext } from '../context.js';
import { findRequired, type Key } from './find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { role: Key; permissions: Key[] } | null };

export function removePermissionsFromRole(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): typeof REMOVE_SUCCEEDED {
  const input = requireInput((args as Args).input, 'removePermissionsFromRole');
  const { account } = ctx;
  return account.entities.write((tx) => {
    const role = findRequired(account, tx, 'Role', input.role, 'removePermissionsFromRole');
    const permissions = input.permissions.map((k) => findRequired(account, tx, 'Permission', k, 'removePermissionsFromRole'));
    removeLinks(account, tx, role, permissions, { field: 'permissions' });
    return REMOVE_SUCCEEDED;
  });
}

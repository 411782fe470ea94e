/**
 * `removePermissionsFromRole(input: {role: RoleKey, permissions: [PermissionKey]})`: "Removes one
 * or more `Permission`s from a `Role`" (schema description). Unknown role or permission: C0120E,
 * nothing changed.
 */
import type { Domain } from '../domain.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';
import { requireInput } from './require-input.js';

type Args = { input?: { role: Key; permissions: Key[] } | null };

export function removePermissionsFromRole(domain: Domain, args: Args): typeof REMOVE_SUCCEEDED {
  const input = requireInput(args.input, 'removePermissionsFromRole');
  return domain.entities.write((tx) => {
    const role = findRequired(domain, tx, 'Role', input.role, 'removePermissionsFromRole');
    const permissions = input.permissions.map((k) => findRequired(domain, tx, 'Permission', k, 'removePermissionsFromRole'));
    removeLinks(domain, tx, role, permissions, { field: 'permissions' });
    return REMOVE_SUCCEEDED;
  });
}

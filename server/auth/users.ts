/**
 * The account's users as the OAuth endpoint sees them. Users are ordinary `User` records (so
 * `createUser` through GraphQL makes a user that can log in); the password from
 * `CreateUserInput.password` is kept on the record and never exposed (User has no such field).
 */
import { isLinkRef, type EntityRecord, type Store } from '../domain/store/store.js';
import { isRecord, propertyOf } from '../lib/guards.js';

export type UserInfo = {
  id: string;
  username: string;
  password: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  retailerId: string | undefined;
  roles: string[];
};

export class Users {
  constructor(private readonly store: Store) {}

  find(username: string): UserInfo | undefined {
    for (const id of this.store.candidates('User')) {
      const r = this.store.get('User', String(id));
      if (r && r['username'] === username) return toInfo(this.store, r);
    }
    return undefined;
  }
}

function toInfo(store: Store, r: EntityRecord): UserInfo {
  const retailer = r['primaryRetailer'];
  const roles: unknown[] = Array.isArray(r['roles']) ? r['roles'] : [];
  return {
    id: r.id,
    username: String(r['username']),
    password: typeof r['password'] === 'string' ? r['password'] : undefined,
    firstName: typeof r['firstName'] === 'string' ? r['firstName'] : undefined,
    lastName: typeof r['lastName'] === 'string' ? r['lastName'] : undefined,
    retailerId: isLinkRef(retailer) ? store.resolve(retailer)?.id : undefined,
    roles: roles.map((x) => roleNameOf(propertyOf(x, 'role'))).filter(Boolean),
  };
}

/** A user role's `role` is stored as its key (`{name}`): the name, or '' when there is none. */
function roleNameOf(role: unknown): string {
  return isRecord(role) && 'name' in role ? String(role['name']) : '';
}

/**
 * `me: User`: the user the bearer token was issued to (fluent-platform.md §1.5: the supported way
 * to read the user context). `null` when that user no longer exists.
 */
import type { GraphQLContext } from '../context.js';
import type { EntityRecord } from '../../domain/store/store.js';

export function me(_parent: unknown, _args: Record<string, unknown>, ctx: GraphQLContext): EntityRecord | null {
  const { account, user } = ctx;
  if (user.userId !== undefined) {
    const byId = account.store.get('User', user.userId);
    if (byId && byId['username'] === user.username) return byId;
  }
  return account.entities.findByKey(account.view, 'User', { username: user.username }) ?? null;
}

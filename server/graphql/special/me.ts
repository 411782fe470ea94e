/**
 * `me: User`: the user the bearer token was issued to (fluent-platform.md §1.5: the supported way
 * to read the user context). `null` when that user no longer exists.
 */
import type { GraphQLContext } from '../context.js';
import type { EntityRecord } from '../../domain/store/store.js';
import { userOf } from '../../domain/user-of.js';

export function me(_parent: unknown, _args: Record<string, unknown>, ctx: GraphQLContext): EntityRecord | null {
  return userOf(ctx.account, ctx.user) ?? null;
}

/**
 * What every resolver receives: the domain of the account the bearer token belongs to (its data,
 * clock and entity service) and the authenticated user.
 */
import type { Domain } from '../domain/domain.js';

export type AuthUser = { accountId: string; username: string; userId: string | undefined; retailerId: string | undefined };

export type GraphQLContext = { account: Domain; user: AuthUser };

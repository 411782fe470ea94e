/**
 * What every resolver receives: the account the bearer token belongs to (its data, clock and
 * services) and the authenticated user.
 */
import type { Account } from '../account.js';

export type AuthUser = { accountId: string; username: string; userId: string | undefined; retailerId: string | undefined };

export type GraphQLContext = { account: Account; user: AuthUser };

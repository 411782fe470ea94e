/**
 * Bearer-token authentication for every platform endpoint (`/graphql`, `/api/...`). The scheme
 * is matched case-insensitively because real clients echo `token_type` ("bearer") into the
 * header (real-world-usage.md). Missing, unknown or expired → 401 with the documented body
 * (fluent-platform.md §7, §8 #5).
 */
import type { RequestHandler } from 'express';
import type { Account } from '../../account.js';
import type { AuthUser } from '../../graphql/context.js';
import type { Simulator } from '../../simulator.js';

export const UNAUTHORIZED_BODY = {
  errors: [{ code: '401', message: 'Invalid user, Authorization header value does not belong to a valid user' }],
};

export type AuthLocals = { account: Account; user: AuthUser };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function authenticate(sim: Simulator, header: string | undefined): AuthLocals | undefined {
  const token = bearerToken(header);
  if (!token) return undefined;
  const grant = sim.tokens.verify(token);
  const account = grant && sim.accounts.get(grant.accountId);
  if (!grant || !account) return undefined;
  const user = account.users.find(grant.username);
  return {
    account,
    user: { accountId: account.id, username: grant.username, userId: user?.id, retailerId: user?.retailerId },
  };
}

export function requireAuth(sim: Simulator): RequestHandler {
  return (req, res, next) => {
    const auth = authenticate(sim, req.headers.authorization);
    if (!auth) {
      res.status(401).json(UNAUTHORIZED_BODY);
      return;
    }
    res.locals['account'] = auth.account;
    res.locals['user'] = auth.user;
    next();
  };
}

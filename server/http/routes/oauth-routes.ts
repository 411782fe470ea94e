/**
 * `POST /oauth/token` as Fluent serves it (fluent-platform.md §1): parameters from the query
 * string and a form (or JSON) body, merged; grants `password`, `refresh_token` and
 * `client_credentials` (§8 #1); the response fields of §1.3 with `Retailer_id` as a number;
 * `400 invalid_grant` bodies of §1.4.
 */
import { Router, type Request } from 'express';
import type { Account } from '../../account.js';
import type { UserInfo } from '../../auth/users.js';
import type { Simulator } from '../../simulator.js';

const BAD_CREDENTIALS = { error: 'invalid_grant', error_description: 'Bad credentials' };
const BAD_REFRESH = { error: 'invalid_grant', error_description: 'Invalid refresh token' };

function params(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (source: unknown): void => {
    if (!source || typeof source !== 'object') return;
    for (const [k, v] of Object.entries(source)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  };
  add(req.query);
  add(req.body);
  return out;
}

export function createOAuthRouter(sim: Simulator): Router {
  const router = Router();
  router.post('/oauth/token', (req, res) => {
    const p = params(req);
    const grantType = p['grant_type'] ?? 'password';
    // The client identifies the account; `fluent.account` may name it too (§1.1).
    const account = sim.accountForClient(p['client_id'], req.header('fluent.account'));
    if (grantType === 'refresh_token') {
      const grant = p['refresh_token'] ? sim.tokens.redeem(p['refresh_token']) : undefined;
      const owner = grant && sim.accounts.get(grant.accountId);
      const user = owner?.users.find(grant!.username);
      if (!owner || !user || (account && account.id !== owner.id)) return void res.status(400).json(BAD_REFRESH);
      return void res.json(tokenResponse(sim, owner, user));
    }
    if (!account || account.credentials.clientSecret !== p['client_secret']) return void res.status(400).json(BAD_CREDENTIALS);
    if (grantType === 'password') {
      const user = p['username'] ? account.users.find(p['username']) : undefined;
      if (!user || user.password === undefined || user.password !== p['password']) return void res.status(400).json(BAD_CREDENTIALS);
      return void res.json(tokenResponse(sim, account, user));
    }
    if (grantType === 'client_credentials' && sim.config.clientCredentials) {
      const user = account.users.find(sim.defaultUsername(account));
      if (!user) return void res.status(400).json(BAD_CREDENTIALS);
      return void res.json(tokenResponse(sim, account, user));
    }
    res.status(400).json({ error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${grantType}` });
  });
  return router;
}

function tokenResponse(sim: Simulator, account: Account, user: UserInfo): Record<string, unknown> {
  const issued = sim.tokens.issue({ accountId: account.id, username: user.username }, sim.config.tokenTtl, sim.config.refreshTokens);
  return {
    access_token: issued.accessToken,
    token_type: 'bearer',
    expires_in: issued.expiresIn,
    ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    scope: 'api',
    Retailer_id: user.retailerId === undefined ? null : Number(user.retailerId),
    FirstName: user.firstName ?? null,
    LastName: user.lastName ?? null,
    Roles: user.roles,
  };
}

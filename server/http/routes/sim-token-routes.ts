/**
 * `POST /_sim/tokens/expire`: ends every access token of the account now, so that a client's
 * token-refresh code can be tested without waiting for `--token-ttl` (issue 10 #3). The next call
 * with such a token answers the same 401 as a token past its lifetime; `{"refreshTokens": true}`
 * also ends the account's refresh tokens (the refresh grant then answers `invalid_grant`, §1.4).
 */
import { Router } from 'express';
import { z } from 'zod';
import { SimError } from '../../domain/errors.js';
import type { Simulator } from '../../simulator.js';
import { simAccountOf } from '../account-of.js';

const ExpireBody = z.object({ refreshTokens: z.boolean().default(false) }).strict();

export function createSimTokenRouter(sim: Simulator): Router {
  const router = Router();
  router.post('/_sim/tokens/expire', (req, res) => {
    // The account is chosen before the tokens that may have named it are expired.
    const account = simAccountOf(sim, req);
    const parsed = ExpireBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new SimError('VALIDATION_FAILED', `POST /_sim/tokens/expire expects {"refreshTokens"?: bool}: ${z.prettifyError(parsed.error)}`);
    res.json({ account: account.id, expired: sim.tokens.expireAccount(account.id, parsed.data) });
  });
  return router;
}

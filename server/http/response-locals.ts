/**
 * What the middleware leaves in `res.locals` for the handlers after it, declared on
 * `Express.Locals` (express's own extension point, merged into every `res.locals` type) so the
 * readers get typed values instead of casting `any`:
 * - `account`, `user`: the bearer token's, set by `requireAuth` and the lean routes;
 * - `simControl`, `simAccount`: what `controlAccess` decided for a `/_sim` request.
 */
import type { Account } from '../account.js';
import type { AuthUser } from '../graphql/context.js';

declare global {
  namespace Express {
    interface Locals {
      account?: Account;
      user?: AuthUser;
      simControl?: boolean;
      simAccount?: Account;
    }
  }
}

/**
 * Who may use the control plane (`/_sim/*`), decided once per request before any `/_sim` route.
 *
 * - A bearer token, if sent, must be valid: the request then acts on that token's account (a
 *   tenant resets and inspects its own account). An invalid or expired token is a 401, never a
 *   fall-back to another account (issue 16 #6).
 * - The control token (`x-fluent-sim-control-token`), if sent, must match; it opens every route
 *   and every account (`x-fluent-sim-account` or `?account=` names one, else the default).
 * - Without either: open when the simulator listens on a loopback address and no control token
 *   is configured (the laptop case); otherwise 401.
 * `GET /_sim/health` (container health checks; it lists accounts only to control) and
 * `GET /_sim/webhooks/public-key` (a public key, which receivers fetch) stay open.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Account } from '../../account.js';
import { SimError } from '../../domain/errors.js';
import type { Simulator } from '../../simulator.js';
import { authenticate } from './auth.js';

export const CONTROL_TOKEN_HEADER = 'x-fluent-sim-control-token';

const OPEN_PATHS = new Set(['/health', '/webhooks/public-key']);

export type ControlPolicy = { required: boolean; token: string | undefined };

/** `127.0.0.0/8`, `::1` and `localhost` only: `0.0.0.0` and `::` listen on every interface. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || bare === '::ffff:127.0.0.1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function controlPolicy(host: string, token: string | undefined): ControlPolicy {
  return { required: token !== undefined || !isLoopbackHost(host), token };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

export function controlAccess(sim: Simulator, policy: ControlPolicy): RequestHandler {
  return (req, res, next) => {
    const { locals } = res;
    const isOpen = req.method === 'GET' && OPEN_PATHS.has(req.path);
    const sent = req.header(CONTROL_TOKEN_HEADER);
    if (sent !== undefined && !isOpen) {
      if (!policy.token || !sameSecret(sent, policy.token))
        throw new SimError('CONTROL_TOKEN_REQUIRED', `The ${CONTROL_TOKEN_HEADER} header does not match this simulator's control token`);
      locals.simControl = true;
    } else {
      locals.simControl = !policy.required || (sent !== undefined && policy.token !== undefined && sameSecret(sent, policy.token));
    }
    if (req.headers.authorization !== undefined && !isOpen) {
      const auth = authenticate(sim, req.headers.authorization);
      if (!auth) throw new SimError('UNAUTHENTICATED', 'Invalid user, Authorization header value does not belong to a valid user');
      locals.simAccount = auth.account;
    }
    if (!isOpen && !locals.simControl && !locals.simAccount) {
      throw new SimError(
        'CONTROL_TOKEN_REQUIRED',
        `This simulator's control plane needs its control token in the ${CONTROL_TOKEN_HEADER} header, or an account's bearer token`,
      );
    }
    next();
  };
}

/** True when the request may act on any account and on the simulator as a whole. */
export function hasControl(req: Request): boolean {
  return req.res?.locals.simControl === true;
}

/** The account a valid bearer token named, if one was sent to `/_sim`. */
export function bearerAccount(req: Request): Account | undefined {
  return req.res?.locals.simAccount;
}

export function requireControl(req: Request): void {
  if (!hasControl(req))
    throw new SimError('CONTROL_TOKEN_REQUIRED', `This route acts on the whole simulator and needs the control token (${CONTROL_TOKEN_HEADER})`);
}

/**
 * Which account a request acts on. Platform endpoints: the bearer token's (set by `requireAuth`).
 * Simulator endpoints under `/_sim` (after `controlAccess`): a valid bearer token's if one was
 * sent; with control access, the account named by the `x-fluent-sim-account` header or
 * `?account=`, else the default account.
 */
import type { Request } from 'express';
import type { Account } from '../account.js';
import type { Orchestration } from '../orchestration/account-orchestration.js';
import { SimError } from '../domain/errors.js';
import type { Simulator } from '../simulator.js';
import type { WebhookService } from '../webhooks/webhook-service.js';
import { bearerAccount, requireControl } from './middleware/control-access.js';

export function accountOf(req: Request): Account {
  const account = req.res?.locals.account;
  if (!account) throw new SimError('UNAUTHENTICATED', 'No authenticated account for this request');
  return account;
}

export function orchestrationOf(account: Account): Orchestration {
  if (!account.orchestration) throw new SimError('INTERNAL', `Account ${account.id} has no orchestration engine`);
  return account.orchestration;
}

export function webhooksOf(account: Account): WebhookService {
  if (!account.webhooks) throw new SimError('INTERNAL', `Account ${account.id} has no webhook service`);
  return account.webhooks;
}

export function simAccountOf(sim: Simulator, req: Request): Account {
  const own = bearerAccount(req);
  if (own) return own;
  requireControl(req);
  const named = req.header('x-fluent-sim-account') ?? (typeof req.query['account'] === 'string' ? req.query['account'] : undefined);
  const account = named ? sim.accounts.get(named) : sim.accounts.get(sim.config.account);
  if (!account) throw new SimError('NOT_FOUND', `No account "${named}" in this simulator`);
  return account;
}

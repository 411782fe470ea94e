/**
 * Express middleware after the body parser: a request to a platform endpoint whose account has a
 * matching `http` fault is slowed down by `delayMs`, then answered with the fault's status and
 * body instead of running (or runs, when the fault has no status). The account is the bearer
 * token's, or the `client_id`'s for `POST /oauth/token`; `/_sim` is never faulted.
 */
import { Kind, parse } from 'graphql';
import type { Request, RequestHandler } from 'express';
import type { Simulator } from '../simulator.js';
import { authenticate } from '../http/middleware/auth.js';
import { matchesPattern, type Fault } from './faults.js';
import { propertyOf } from '../lib/guards.js';

type HttpFault = Extract<Fault, { type: 'http' }>;

export function createFaultMiddleware(sim: Simulator): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/_sim/')) return next();
    const account = authenticate(sim, req.headers.authorization)?.account ?? sim.accountForClient(clientIdOf(req));
    if (!account) return next();
    let operations: string[] | undefined;
    const matches = (fault: HttpFault): boolean => {
      if (fault.method !== undefined && fault.method.toUpperCase() !== req.method) return false;
      if (!matchesPattern(fault.path, req.path)) return false;
      if (fault.operation === undefined) return true;
      operations ??= req.path === '/graphql' ? graphqlOperations(req) : [];
      return operations.includes(fault.operation);
    };
    const fault = sim.faults.take(account.id, 'http', matches, `${req.method} ${req.path}`);
    if (!fault) return next();
    const act = (): void => {
      if (fault.status === undefined) {
        next();
        return;
      }
      res.status(fault.status).json(fault.body !== undefined ? fault.body : defaultBody(fault, req.path === '/graphql'));
    };
    if (fault.delayMs) setTimeout(act, fault.delayMs);
    else act();
  };
}

function clientIdOf(req: Request): string | undefined {
  const fromQuery = req.query['client_id'];
  const fromBody = propertyOf(req.body, 'client_id');
  const value = typeof fromQuery === 'string' ? fromQuery : fromBody;
  return typeof value === 'string' ? value : undefined;
}

/**
 * REST: `{"errors":[{"code","message"}]}` (fluent-platform.md §7). GraphQL: an `errors` entry with
 * `extensions.code`, as the platform's GraphQL errors carry (§2.10). [inferred] for the message.
 */
function defaultBody(fault: HttpFault, graphql: boolean): unknown {
  const message = fault.message ?? `Fault injected by fluent-sim (${fault.id})`;
  const code = fault.code ?? String(fault.status);
  return graphql ? { errors: [{ message, extensions: { code } }], data: null } : { errors: [{ code, message }] };
}

/** The operation name and root field names of a GraphQL request (empty when it does not parse). */
function graphqlOperations(req: Request): string[] {
  const body: unknown = req.body;
  const bodyQuery = propertyOf(body, 'query');
  const operationName = propertyOf(body, 'operationName');
  const query = typeof bodyQuery === 'string' ? bodyQuery : req.query['query'];
  if (typeof query !== 'string') return [];
  try {
    const names: string[] = typeof operationName === 'string' ? [operationName] : [];
    for (const operation of parse(query).definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      if (operation.name) names.push(operation.name.value);
      for (const selection of operation.selectionSet.selections) if (selection.kind === 'Field') names.push(selection.name.value);
    }
    return names;
  } catch {
    return [];
  }
}

/**
 * The lean route for the Event API's hot endpoints, `POST /api/v4.1/event/sync` and `/async`
 * (issue 17): mounted ahead of the other routers, it answers the common request — a JSON body
 * within the size limit, a valid bearer token, no injected HTTP fault on the account — with the
 * same parser, depth check, validation, engine call and body as the express route
 * (event-routes.ts `submitFromApi`), without walking the ~20 routers in front of it. Every other
 * request (another content type, a chunked or too large body, a missing or bad token, a fault to
 * inject, a query string) goes on to the full chain, which answers it as before; so do errors,
 * through the one error handler.
 */
import type { RequestHandler, Response } from 'express';
import type { Account } from '../account.js';
import type { Simulator } from '../simulator.js';
import { authenticate } from './middleware/auth.js';
import { jsonDepthLimit } from './middleware/json-depth.js';
import { type EventApiAnswer, type EventRuntime, submitFromApi } from './routes/event-routes.js';

const MODES: Readonly<Record<string, 'sync' | 'async'>> = { '/api/v4.1/event/sync': 'sync', '/api/v4.1/event/async': 'async' };

/** `application/json`, with no parameter or a UTF-8 charset: what the JSON parser reads as is. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

export type LeanEventRouteOptions = {
  sim: Simulator;
  /** The app's JSON body parser (the same instance, so the same limit and parse errors). */
  parseJson: RequestHandler;
  maxBodyBytes: number;
  runtimeOf: (account: Account) => EventRuntime;
};

export function leanEventRoute({ sim, parseJson, maxBodyBytes, runtimeOf }: LeanEventRouteOptions): RequestHandler {
  return (req, res, next) => {
    const mode = req.method === 'POST' ? MODES[req.url] : undefined;
    const { headers } = req;
    const length = Number(headers['content-length']);
    const plain =
      mode !== undefined &&
      PLAIN_JSON.test(headers['content-type'] ?? '') &&
      headers['content-encoding'] === undefined &&
      headers['transfer-encoding'] === undefined &&
      length > 0 &&
      length <= maxBodyBytes;
    const auth = plain ? authenticate(sim, headers.authorization) : undefined;
    if (!mode || !auth || sim.faults.list(auth.account.id).some((fault) => fault.type === 'http')) {
      next();
      return;
    }
    res.locals['account'] = auth.account;
    res.locals['user'] = auth.user;
    parseJson(req, res, (parseError?: unknown) => {
      if (parseError) {
        next(parseError);
        return;
      }
      jsonDepthLimit(req, res, () => {
        Promise.resolve()
          .then(() => submitFromApi(runtimeOf(auth.account), req.body, mode))
          .then((answer) => send(res, answer), next);
      });
    });
  };
}

/** What `res.status().json()` writes, less the ETag a POST answer has no use for. */
function send(res: Response, answer: EventApiAnswer): void {
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * The lean routes for the hot endpoints (issue 17): `POST /api/v4.1/event/sync`, `/async` and
 * `POST /graphql`. Mounted ahead of the other routers, this answers the common request — a JSON
 * body within the size limit, a valid bearer token, no injected HTTP fault on the account — with
 * the same JSON parser instance, depth check and handler as the full chain, without walking the
 * ~20 routers in front of them. Every other request (another content type, a chunked or too large
 * body, a missing or bad token, a fault to inject, a query string) goes on to the full chain,
 * which answers it as before; so do errors, through the one error handler.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Simulator } from '../simulator.js';
import { authenticate } from './middleware/auth.js';
import { jsonDepthLimit } from './middleware/json-depth.js';

/** `application/json`, with no parameter or a UTF-8 charset: what the JSON parser reads as is. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** Answers an authenticated request whose JSON body is in `req.body`; `res.locals` holds `account` and `user`. */
export type LeanHandler = (req: Request, res: Response) => Promise<void>;

export type LeanRoutesOptions = {
  sim: Simulator;
  /** The app's JSON body parser (the same instance, so the same limit and parse errors). */
  parseJson: RequestHandler;
  maxBodyBytes: number;
  /** By exact URL (path, no query string), for POST. */
  routes: Readonly<Record<string, LeanHandler>>;
};

export function leanRoutes({ sim, parseJson, maxBodyBytes, routes }: LeanRoutesOptions): RequestHandler {
  return (req, res, next) => {
    const handler = req.method === 'POST' && Object.hasOwn(routes, req.url) ? routes[req.url] : undefined;
    const { headers } = req;
    const length = Number(headers['content-length']);
    const plain =
      handler !== undefined &&
      PLAIN_JSON.test(headers['content-type'] ?? '') &&
      headers['content-encoding'] === undefined &&
      headers['transfer-encoding'] === undefined &&
      length > 0 &&
      length <= maxBodyBytes;
    const auth = plain ? authenticate(sim, headers.authorization) : undefined;
    if (!handler || !auth || sim.faults.list(auth.account.id).some((fault) => fault.type === 'http')) {
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
          .then(() => handler(req, res))
          .catch(next);
      });
    });
  };
}

/** What `res.status().json()` writes, less the ETag a POST answer has no use for. */
export function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

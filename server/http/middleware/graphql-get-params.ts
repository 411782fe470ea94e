/**
 * `GET /graphql?query=…&variables=…`: graphql-yoga parses `variables` and `extensions` with a
 * bare JSON.parse, so a malformed value became a masked "Unexpected error." (issue 16 #8). Here
 * it is a 400 in GraphQL's error shape, as yoga answers its other request errors.
 */
import type { RequestHandler } from 'express';
import { tooDeepAt, tooDeepMessage } from '../../lib/json-depth.js';

const JSON_PARAMS = ['variables', 'extensions'] as const;

export const graphqlGetParams: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET') return next();
  for (const name of JSON_PARAMS) {
    const raw = req.query[name];
    if (raw === undefined || raw === '') continue;
    let value: unknown;
    try {
      value = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      res.status(400).json({ errors: [{ message: `The '${name}' query parameter must be one JSON object`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const pointer = tooDeepAt(value);
    if (pointer !== undefined) {
      res.status(400).json({ errors: [{ message: tooDeepMessage(pointer, `The '${name}' query parameter`), extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
  }
  next();
};

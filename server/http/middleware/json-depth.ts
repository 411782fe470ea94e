/**
 * Refuses, after the JSON body parser, a body that JSON cannot hold (lib/json-depth.ts) on every
 * route: event attributes, workflow props, stub files, seed documents, batch records, GraphQL
 * variables. The answer is a 400 naming the JSON pointer, in the platform's REST error body, or
 * GraphQL's error shape on `/graphql`. Nothing runs, nothing is stored.
 */
import type { RequestHandler } from 'express';
import { tooDeepAt, tooDeepMessage, unsavableAt } from '../../lib/json-depth.js';

/** After the JSON body parser: a body nested too deep, or with `1e309`, is a 400 before any route sees it. */
export const jsonDepthLimit: RequestHandler = (req, res, next) => {
  const found = unsavableAt(req.body);
  if (found === undefined) return next();
  if (req.path === '/graphql' || req.path.startsWith('/graphql/')) {
    // Numbers in GraphQL variables get GraphQL's own answer (graphql/query-limits.ts).
    const pointer = found.reason === 'deep' ? found.pointer : tooDeepAt(req.body);
    if (pointer === undefined) return next();
    res.status(400).json({ errors: [{ message: tooDeepMessage(pointer), extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  const message = found.reason === 'deep' ? tooDeepMessage(found.pointer) : `The request body holds a number that is not finite at '${found.pointer}'`;
  res.status(400).json({ errors: [{ code: '400', message }] });
};

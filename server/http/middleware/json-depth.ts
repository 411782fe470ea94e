/**
 * Refuses JSON nested deeper than {@link MAX_JSON_DEPTH} levels, on every input path: JSON request
 * bodies (event attributes, workflow props, stub files, seed documents, batch records, GraphQL
 * variables) and the `variables` of `GET /graphql`. A value ~5,000 levels deep was accepted and
 * stored, after which every save of the data file and every answer holding it failed (issue 16
 * #3). The answer is a 400 naming the JSON pointer of the first object or array too deep: in the
 * platform's REST error body, or GraphQL's error shape on `/graphql`. Nothing runs, nothing is
 * stored. [inferred: the platform documents no nesting limit; 64 levels is far beyond any
 * documented payload]
 */
import type { RequestHandler } from 'express';

export const MAX_JSON_DEPTH = 64;

type Frame = { value: unknown; depth: number; parent: Frame | undefined; key: string };

/** The JSON pointer (RFC 6901) of the first object or array nested deeper than `max`, if any. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth > max) return pointerOf(frame);
    for (const [key, child] of Object.entries(frame.value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  return keys.length === 0 ? '' : `/${keys.reverse().join('/')}`;
}

export function tooDeepMessage(pointer: string, where = 'The request body'): string {
  return `${where} nests JSON deeper than ${MAX_JSON_DEPTH} levels at '${pointer}'`;
}

/** After the JSON body parser: a body nested too deep is a 400 before any route sees it. */
export const jsonDepthLimit: RequestHandler = (req, res, next) => {
  const pointer = tooDeepAt(req.body);
  if (pointer === undefined) return next();
  const message = tooDeepMessage(pointer);
  if (req.path === '/graphql' || req.path.startsWith('/graphql/')) {
    res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  res.status(400).json({ errors: [{ code: '400', message }] });
};

/**
 * Refuses JSON nested deeper than {@link MAX_JSON_DEPTH} levels, on every input path: JSON request
 * bodies (event attributes, workflow props, stub files, seed documents, batch records, GraphQL
 * variables) and the `variables` of `GET /graphql`. A value ~5,000 levels deep was accepted and
 * stored, after which every save of the data file and every answer holding it failed (issue 16
 * #3); a number that is not finite (`1e309`) likewise. The answer is a 400 naming the JSON pointer
 * of the first object or array too deep (or the number): in the
 * platform's REST error body, or GraphQL's error shape on `/graphql`. Nothing runs, nothing is
 * stored. [inferred: the platform documents no nesting limit; 64 levels is far beyond any
 * documented payload]
 */
import type { RequestHandler } from 'express';

export const MAX_JSON_DEPTH = 64;

type Frame = { value: unknown; depth: number; parent: Frame | undefined; key: string };

/** The JSON pointer (RFC 6901) of the first object or array nested deeper than `max`, if any. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const found = unsavableAt(value, max);
  return found?.reason === 'deep' ? found.pointer : undefined;
}

/**
 * The first value JSON cannot hold: an object or array nested deeper than `max`, or a number
 * that is not finite (`1e309` parses as Infinity). Walks without recursion.
 */
export function unsavableAt(value: unknown, max = MAX_JSON_DEPTH): { pointer: string; reason: 'deep' | 'number' } | undefined {
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (typeof frame.value === 'number' && !Number.isFinite(frame.value)) return { pointer: pointerOf(frame), reason: 'number' };
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth > max) return { pointer: pointerOf(frame), reason: 'deep' };
    for (const [key, child] of Object.entries(frame.value)) stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
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

/** After the JSON body parser: a body nested too deep, or with `1e309`, is a 400 before any route sees it. */
export const jsonDepthLimit: RequestHandler = (req, res, next) => {
  const found = unsavableAt(req.body);
  if (found === undefined) return next();
  if (req.path === '/graphql' || req.path.startsWith('/graphql/')) {
    // Numbers in GraphQL variables get GraphQL's own answer (graphql/query-limits.ts).
    if (found.reason === 'number' && tooDeepAt(req.body) === undefined) return next();
    const pointer = found.reason === 'deep' ? found.pointer : tooDeepAt(req.body)!;
    res.status(400).json({ errors: [{ message: tooDeepMessage(pointer), extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  const message = found.reason === 'deep' ? tooDeepMessage(found.pointer) : `The request body holds a number that is not finite at '${found.pointer}'`;
  res.status(400).json({ errors: [{ code: '400', message }] });
};

/**
 * Finds the values JSON cannot hold in a parsed value: an object or array nested deeper than
 * {@link MAX_JSON_DEPTH} levels (the top level is 1), or a number that is not finite (`1e309`
 * parses as Infinity). A value ~5,000 levels deep was accepted and stored, after which every save
 * of the data file and every answer holding it failed (issue 16 #3). Used by the JSON body check
 * (http/middleware/json-depth.ts) and GraphQL's input limits. [inferred: the platform documents
 * no nesting limit; 64 levels is far beyond any documented payload]
 */
export const MAX_JSON_DEPTH = 64;

type Frame = { value: unknown; depth: number; parent: Frame | undefined; key: string };

/** The JSON pointer (RFC 6901) of the first object or array nested deeper than `max`, if any. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  return unsavableAt(value, max, { numbers: false })?.pointer;
}

/**
 * The first value JSON cannot hold: an object or array nested deeper than `max`, or a number
 * that is not finite (`1e309` parses as Infinity) unless `numbers` is false. Walks without recursion.
 */
export function unsavableAt(value: unknown, max = MAX_JSON_DEPTH, { numbers = true } = {}): { pointer: string; reason: 'deep' | 'number' } | undefined {
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (numbers && typeof frame.value === 'number' && !Number.isFinite(frame.value)) return { pointer: pointerOf(frame), reason: 'number' };
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

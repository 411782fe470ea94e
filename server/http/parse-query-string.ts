/**
 * The query-string parser of every route (express's `query parser` setting). A parameter given
 * once is a string; repeated, it is a list of any length, in order. qs (express's "extended"
 * parser) turns a list of more than 20 entries into an object, and the event search then dropped
 * the filter (issue 16 #7). Keys stay flat (`context.entityRef` is one key), as the platform's
 * query parameters are. Bad percent-encoding is kept as sent instead of throwing.
 */
export type ParsedQuery = Record<string, string | string[]>;

/** Bounds the work a single URL can cause; Node caps the request line at 16 KB anyway. */
export const MAX_QUERY_PARAMETERS = 5000;

export function parseQueryString(text: string): ParsedQuery {
  // No prototype, so a parameter named `__proto__` or `constructor` is a plain key; Object.create is typed `any`.
  const query: ParsedQuery = Object.create(null) as ParsedQuery;
  let count = 0;
  for (const [key, value] of new URLSearchParams(text)) {
    if (++count > MAX_QUERY_PARAMETERS) break;
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

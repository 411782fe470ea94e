/**
 * JSON pointers (RFC 6901) for load-time messages: `rulesets/order-hd.json#/rulesets/3/rules/0/name`.
 * Every workflow and rule error names its source and the pointer to the offending value, so the
 * user can jump straight to it (style.md §5 "messages teach").
 */

/** `['rulesets', 3, 'name']` → `/rulesets/3/name` (with `~` and `/` escaped). */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** `source#pointer`, the location format used in every workflow error message. */
export function locate(source: string, path: readonly PropertyKey[]): string {
  return `${source}#${toJsonPointer(path)}`;
}

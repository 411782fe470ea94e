/**
 * The `jsonpath` of the core `IfProperty…` rules, resolved without a dependency.
 *
 * Fluent's docs: "The `jsonpath` parameter may identify a field on an Entity or an Event
 * attribute", e.g. `fulfilmentChoice.deliveryType`, `totalPrice`, `event.attributes.fraudCheckRequired`,
 * `customer.attributes.byName.lifetimeValue`
 * (https://docs.fluentcommerce.com/building-blocks/ifpropertyequals, …/ifpropertyisbetween;
 * fluent-platform.md §5.4).
 *
 * Supported: dotted segments, array indexes (`items[0].ref` or `items.0.ref`), an optional leading
 * `$.`, `event.…` for the current event, and `attributes.byName.<name>` to read an attribute's
 * value from a `[{name, type, value}]` list. Anything else (wildcards, `..`, filters, bracketed
 * names, slices) is refused when the workflow loads (`jsonPathProp`), with the JSON pointer of
 * the prop, instead of silently resolving to nothing at run time.
 */
import { z } from 'zod';
import type { EntityView, OrchestrationEvent } from '../../port.js';

/** JSONPath syntax the resolver does not implement, and how to say so. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\.\./, 'recursive descent (`..`)'],
  [/\*/, 'a wildcard (`*`)'],
  [/\[\s*\?|@/, 'a filter expression (`[?(…)]`)'],
  [/\[[^\]]*[^\d\]\s][^\]]*\]/, 'a bracketed name, union or slice (only `[n]` indexes are supported)'],
  [/[()'",]/, 'an expression'],
];

/** Why the resolver cannot follow `path`, or `undefined` when it can. */
export function unsupportedJsonPath(path: string): string | undefined {
  for (const [pattern, what] of UNSUPPORTED) if (pattern.test(path)) return what;
  const rest = path.trim().replace(/^\$\.?/, '');
  if (
    rest
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .some((segment) => segment.trim() === '' || /[[\]$]/.test(segment))
  )
    return 'an empty or malformed segment';
  return undefined;
}

/**
 * The `jsonpath` prop of a rule: a non-empty path the resolver can follow. Use it in every rule
 * that reads a `jsonpath`, so an unsupported one fails the workflow at load.
 */
export const jsonPathProp = z
  .string()
  .trim()
  .min(1)
  .superRefine((path, ctx) => {
    const what = unsupportedJsonPath(path);
    if (what) {
      ctx.addIssue({
        code: 'custom',
        message: `"${path}" uses ${what}, which the simulator's jsonpath does not support; use dotted names, [n] indexes, an optional "$." prefix, "event.…" and "attributes.byName.<name>"`,
      });
    }
  });

/** Splits `a.b[0].c` into `['a', 'b', '0', 'c']`. */
export function pathSegments(path: string): string[] {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  return trimmed
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function byName(list: unknown[], name: string): unknown {
  const found = list.find((entry) => isRecord(entry) && entry['name'] === name);
  return isRecord(found) ? found['value'] : undefined;
}

/** Walks `segments` from `root`; `undefined` as soon as a step is missing. */
export function walk(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  const steps = segments.values();
  for (const segment of steps) {
    if (Array.isArray(current)) {
      if (segment === 'byName') {
        const name = steps.next();
        if (name.done) return undefined;
        current = byName(current, name.value);
        continue;
      }
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isRecord(current)) {
      current = current[segment];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** What a jsonpath is resolved against: the entity as the API returns it, plus its envelope. */
export function entityDocument(entity: Readonly<EntityView>): Record<string, unknown> {
  return {
    id: entity.id,
    ref: entity.ref,
    type: entity.subtype,
    status: entity.status,
    workflowRef: entity.workflowRef,
    workflowVersion: entity.workflowVersion,
    ...entity.fields,
  };
}

/** Resolves a rule's `jsonpath` against the current event (`event.…`) or entity. `null` counts as missing. */
export function resolveProperty(jsonpath: string, input: { event: Readonly<OrchestrationEvent>; entity: Readonly<EntityView> }): unknown {
  const segments = pathSegments(jsonpath);
  const [head, ...rest] = segments;
  const value = head === 'event' ? walk(input.event, rest) : walk(entityDocument(input.entity), segments);
  return value === null ? undefined : value;
}

/**
 * Equality between a resolved value and a rule prop. Props in real workflow files are strings even
 * for numbers and booleans (`"value": "100"`), so scalars compare by their text; objects by JSON.
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  const scalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (scalar(actual) && scalar(expected)) return String(actual) === String(expected);
  return JSON.stringify(actual) === JSON.stringify(expected);
}

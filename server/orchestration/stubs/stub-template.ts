/**
 * Templates in rule-stub files: `{{props.eventName}}` (the workflow's rule props),
 * `{{event.attributes.x}}` / `{{event.name}}` (the event being processed) and `{{entity.ref}}` /
 * `{{entity.attributes.byName.x}}` (the event's entity as the API returns it).
 *
 * A string that is exactly one template keeps the value's type (a `statusList` prop stays a list);
 * templates inside longer text are replaced by their text, a missing value by "".
 * Checked at load time (`templateProblems`): the root must be one of the three and a prop must be
 * declared by the stub; rendered at run time (`render`). Never reads anything beyond its scope.
 */
import { pathSegments, walk } from '../rules/support/json-path.js';

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;
const ROOTS = ['props', 'event', 'entity'] as const;

export type TemplateScope = {
  props: Readonly<Record<string, unknown>>;
  event: unknown;
  entity: unknown;
};

/** Every template expression in `value` (strings, arrays and objects, recursively), with its JSON path. */
function expressions(value: unknown, path: PropertyKey[], out: { expression: string; path: PropertyKey[] }[]): typeof out {
  if (typeof value === 'string') {
    for (const match of value.matchAll(TEMPLATE)) out.push({ expression: match[1] ?? '', path });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) expressions(item, [...path, index], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) expressions(item, [...path, key], out);
  }
  return out;
}

/** The props a value's templates read (`{{props.eventName}}` → `eventName`). */
export function referencedProps(value: unknown): string[] {
  const names = expressions(value, [], []).flatMap(({ expression }) => {
    const [root, name] = pathSegments(expression);
    return root === 'props' && name !== undefined ? [name] : [];
  });
  return [...new Set(names)];
}

/** Load-time problems of the templates in `value`: `[path, message]` pairs. */
export function templateProblems(value: unknown, path: PropertyKey[], declared: readonly string[]): [PropertyKey[], string][] {
  const problems: [PropertyKey[], string][] = [];
  for (const { expression, path: at } of expressions(value, path, [])) {
    const [root, name] = pathSegments(expression);
    if (!ROOTS.some((known) => known === root) || name === undefined) {
      problems.push([at, `template "{{${expression}}}" must start with props.<name>, event.<path> or entity.<path>`]);
    } else if (root === 'props' && !declared.includes(name)) {
      const known = declared.length > 0 ? `declared props: ${declared.join(', ')}` : 'the stub declares no props';
      problems.push([at, `template "{{${expression}}}" refers to prop "${name}", which the stub does not declare (${known}); add it to "props"`]);
    }
  }
  return problems;
}

function lookup(expression: string, scope: TemplateScope): unknown {
  const [root, ...rest] = pathSegments(expression);
  if (root === 'props') return walk(scope.props, rest);
  if (root === 'event') return walk(scope.event, rest);
  if (root === 'entity') return walk(scope.entity, rest);
  return undefined;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `value` with every template replaced from `scope`. */
export function render(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(whole[1] ?? '', scope);
    return value.replace(TEMPLATE, (_match, expression: string) => text(lookup(expression, scope)));
  }
  if (Array.isArray(value)) return value.map((item) => render(item, scope));
  if (typeof value === 'object' && value !== null) return renderRecord(value, scope);
  return value;
}

/** `render` for an object: the same keys, each value rendered. */
export function renderRecord(value: object, scope: TemplateScope): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item, scope)]));
}

/** `render` for a value that must be text (event names, statuses): "" when missing. */
export function renderText(value: string, scope: TemplateScope): string {
  return text(render(value, scope)).trim();
}

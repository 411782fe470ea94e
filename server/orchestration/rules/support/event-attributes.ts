/**
 * Reading the event attributes a library rule requires. Fluent's rules throw
 * `EventAttributeNotFoundException` when a required attribute is null or empty (e.g.
 * https://docs.fluentcommerce.com/building-blocks/createcategory, …/downtoproduct); the engine turns
 * the throw into a FAILED event whose message names the attribute.
 */
import type { z } from 'zod';
import type { OrchestrationEvent } from '../../port.js';

export class EventAttributeNotFoundException extends Error {
  override name = 'EventAttributeNotFoundException';
}

/** The event's schema-checked payload is invalid in another way (wrong type, bad list item). */
export class IllegalArgumentException extends Error {
  override name = 'IllegalArgumentException';
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0);

/** A required, non-empty text attribute. */
export function requiredText(event: Readonly<OrchestrationEvent>, name: string, ruleName: string): string {
  const value = event.attributes[name];
  if (isEmpty(value)) {
    throw new EventAttributeNotFoundException(`${ruleName}: event "${event.name}" needs the attribute "${name}" (missing or empty).`);
  }
  return String(value);
}

/** An optional text attribute; empty counts as absent. */
export function optionalText(event: Readonly<OrchestrationEvent>, name: string): string | undefined {
  const value = event.attributes[name];
  return isEmpty(value) ? undefined : String(value);
}

/**
 * Parses the event attributes with `schema`; a problem throws, naming the attribute path
 * (`gtin`, `prices[0].currency`): missing → EventAttributeNotFoundException, else IllegalArgument.
 */
export function parseAttributes<T>(event: Readonly<OrchestrationEvent>, schema: z.ZodType<T>, ruleName: string): T {
  const parsed = schema.safeParse(event.attributes);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const path = (issue: (typeof issues)[number]): string =>
    issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  const missing = issues.filter((issue) => issue.code === 'invalid_type' && /received undefined|received null/.test(issue.message));
  if (missing.length === issues.length) {
    const names = missing.map((issue) => `"${path(issue)}"`).join(', ');
    throw new EventAttributeNotFoundException(`${ruleName}: event "${event.name}" needs the attribute ${names} (missing).`);
  }
  const problems = issues.map((issue) => `"${path(issue)}": ${issue.message}`).join('; ');
  throw new IllegalArgumentException(`${ruleName}: event "${event.name}" has invalid attributes: ${problems}.`);
}

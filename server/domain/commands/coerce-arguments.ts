/**
 * Checks and coerces a mutation's arguments against the schema's input types, with graphql-js's
 * own `coerceInputValue`, the function the GraphQL API applies to a request's variables. So an
 * in-process caller (a rule, a batch, a seed) is held to the same input contract as a client:
 * a missing required field, a value of the wrong type or a field the input type does not have is
 * refused with graphql-js's message, and nothing is written.
 */
import { coerceInputValue, type GraphQLField, GraphQLError, isNonNullType } from 'graphql';
import { SimError } from '../errors.js';

export function coerceArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, root = 'Mutation'): Record<string, unknown> {
  const problems: string[] = [];
  for (const name of Object.keys(args)) {
    if (!field.args.some((a) => a.name === name)) problems.push(`Unknown argument "${name}" on field "${root}.${field.name}".`);
  }
  const coerced: Record<string, unknown> = {};
  for (const arg of field.args) {
    const value = args[arg.name];
    if (value === undefined) {
      if (arg.defaultValue !== undefined) coerced[arg.name] = arg.defaultValue;
      else if (isNonNullType(arg.type)) problems.push(`Field "${root}.${field.name}" argument "${arg.name}" of type "${String(arg.type)}" is required, but it was not provided.`);
      continue;
    }
    coerced[arg.name] = coerceInputValue(value, arg.type, (path, invalid, error: GraphQLError) => {
      const at = path.length ? ` at "${arg.name}${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}"` : '';
      problems.push(`Variable "$${arg.name}" got invalid value ${shown(invalid)}${at}; ${error.message}`);
    });
  }
  if (problems.length) throw new SimError('VALIDATION_FAILED', `${field.name}: ${problems.join(' ')}`, { details: { problems } });
  return coerced;
}

/** A value as the message shows it: JSON, cut short like graphql-js's `inspect`. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const MAX_SHOWN = 120;

/**
 * Checks and coerces a mutation's arguments against the schema's input types, with graphql-js's
 * own `coerceInputValue`, the function the GraphQL API applies to a request's variables. So an
 * in-process caller (a rule, a batch, a seed) is held to the same input contract as a client:
 * a missing required field, a value of the wrong type or a field the input type does not have is
 * refused with graphql-js's message, prefixed by the path of the value
 * (`createOrder: input.totalPrice: Float cannot represent non numeric value: "x"`), and nothing
 * is written. Valid values take the compiled path of `coerce-valid-input.ts`, which gives the
 * same result faster; graphql-js runs only for a value that path refuses, for its messages.
 */
import { coerceInputValue, type GraphQLField, type GraphQLError, isNonNullType } from 'graphql';
import { SimError } from '../errors.js';
import { coerceValidInput, INVALID } from './coerce-valid-input.js';

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
      else if (isNonNullType(arg.type))
        problems.push(`Field "${root}.${field.name}" argument "${arg.name}" of type "${String(arg.type)}" is required, but it was not provided.`);
      continue;
    }
    const fast = coerceValidInput(value, arg.type);
    coerced[arg.name] =
      fast !== INVALID
        ? fast
        : coerceInputValue(value, arg.type, (path, _invalid, error: GraphQLError) => {
            problems.push(`${[arg.name, ...path].join('.')}: ${error.message}`);
          });
  }
  if (problems.length) throw new SimError('VALIDATION_FAILED', `${field.name}: ${problems.join('; ')}`, { details: { problems } });
  return coerced;
}

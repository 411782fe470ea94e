/**
 * Runs a GraphQL mutation in process for a legacy REST endpoint, after checking its arguments
 * against the schema with graphql-js's `coerceInputValue` (what the GraphQL API applies to a
 * request's variables): a REST body missing a field the mutation requires, or carrying a value
 * of the wrong type, is refused with graphql-js's message and nothing is written.
 *
 * @note The domain command layer (issue in progress on another branch) moves this check into
 * every in-process mutation; once it is on main this file reduces to a call to it.
 */
import { coerceInputValue, type GraphQLError } from 'graphql';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import { runMutation } from '../graphql/run-mutation.js';

export function runLegacyMutation(account: Account, name: string, args: Record<string, unknown>, username: string): EntityRecord {
  const field = account.model.schema.getMutationType()?.getFields()[name];
  if (!field) throw new SimError('INTERNAL', `Mutation "${name}" does not exist in the Fluent schema`);
  const problems: string[] = [];
  const coerced: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (args[arg.name] === undefined) continue;
    coerced[arg.name] = coerceInputValue(args[arg.name], arg.type, (path, _invalid, error: GraphQLError) => {
      problems.push(`${[arg.name, ...path].join('.')}: ${error.message}`);
    });
  }
  if (problems.length) throw new SimError('VALIDATION_FAILED', `${name}: ${problems.join('; ')}`);
  return runMutation(account, name, coerced, username) as EntityRecord;
}

/**
 * Runs a mutation in process for a legacy REST endpoint, as the authenticated user, through the
 * domain commands: the arguments are checked against the schema first (graphql-js's
 * `coerceInputValue`, what the GraphQL API applies to a request's variables), so a REST body
 * missing a field the mutation requires, or carrying a value of the wrong type, is refused with
 * graphql-js's message and nothing is written.
 */
import type { Account } from '../account.js';
import { runCommand } from '../domain/commands/run-command.js';
import type { EntityRecord } from '../domain/store/store.js';

export function runLegacyMutation(account: Account, name: string, args: Record<string, unknown>, username: string): EntityRecord {
  // The legacy façade runs create/update mutations only, whose commands answer the entity's record.
  return runCommand(account, name, args, { username, userId: undefined }) as EntityRecord;
}

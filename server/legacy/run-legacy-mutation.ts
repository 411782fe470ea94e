/**
 * Runs a mutation in process for a legacy REST endpoint, as the authenticated user, through the
 * domain commands: the arguments are checked against the schema first (graphql-js's
 * `coerceInputValue`, what the GraphQL API applies to a request's variables), so a REST body
 * missing a field the mutation requires, or carrying a value of the wrong type, is refused with
 * graphql-js's message and nothing is written.
 */
import type { Account } from '../account.js';
import { coerceArguments } from '../domain/commands/coerce-arguments.js';
import { mutationField, runCommand } from '../domain/commands/run-command.js';
import { checkLength } from '../domain/entity-fields.js';
import type { EntityRecord } from '../domain/store/store.js';
import { isRecord } from '../lib/guards.js';

export function runLegacyMutation(account: Account, name: string, args: Record<string, unknown>, username: string): EntityRecord {
  // The legacy façade runs create/update mutations only, whose commands answer the entity's record.
  return runCommand(account, name, args, { username, userId: undefined }) as EntityRecord;
}

/** One update mutation of a REST write that takes several (an order PUT that also moves its address). */
export type LegacyStep = { mutation: string; input: Record<string, unknown> };

/** The length limits the domain checks on write (`FIELD_TOO_LONG`), checked on every value of an input. */
function checkLengths(value: unknown, field = ''): void {
  if (Array.isArray(value)) for (const item of value) checkLengths(item, field);
  else if (isRecord(value)) for (const [key, inner] of Object.entries(value)) checkLengths(inner, key);
  else checkLength(field, value);
}

/**
 * Runs the steps in order after checking every one of them against the schema and the length
 * limits, so a bad value anywhere is refused before anything is written. The domain has no
 * transaction across mutations; what it could still refuse after these checks (an id that is
 * not there) is checked by the callers before they build the steps.
 */
export function runLegacySteps(account: Account, steps: readonly LegacyStep[], username: string): void {
  for (const step of steps) {
    coerceArguments(mutationField(account.model, step.mutation), { input: step.input });
    checkLengths(step.input);
  }
  for (const step of steps) runLegacyMutation(account, step.mutation, { input: step.input }, username);
}

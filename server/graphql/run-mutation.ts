/**
 * Runs one mutation of the domain API by name, in process, the way a client's request would:
 * used by seeds, by the orchestration engine's `mutate` effects and by batches. Generic creates
 * and updates go straight to the entity service; special mutations to their resolver.
 */
import { getNamedType, isInputObjectType } from 'graphql';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { classifyField } from './field-kinds.js';
import { SPECIAL_RESOLVERS } from './special/index.js';

export function runMutation(account: Account, name: string, args: Record<string, unknown>, username = 'system'): unknown {
  const field = account.model.schema.getMutationType()?.getFields()[name];
  if (!field) throw new SimError('VALIDATION_FAILED', `Mutation "${name}" does not exist in the Fluent schema`);
  const cls = classifyField(account.model, field, 'Mutation', new Set(Object.keys(SPECIAL_RESOLVERS)));
  if (cls.kind === 'create' || cls.kind === 'update') {
    const inputType = getNamedType(field.args.find((a) => a.name === 'input')!.type);
    if (!isInputObjectType(inputType)) throw new SimError('INTERNAL', `${name} has no input object`);
    const input = (args['input'] ?? args) as Record<string, unknown>;
    return cls.kind === 'create' ? account.entities.create(cls.typename, inputType, input) : account.entities.update(cls.typename, inputType, input);
  }
  const special = SPECIAL_RESOLVERS[`Mutation.${name}`];
  if (!special) throw new SimError('INTERNAL', `Mutation "${name}" cannot be run in process`);
  return special(undefined, args, { account, user: { accountId: account.id, username, userId: undefined, retailerId: undefined } });
}


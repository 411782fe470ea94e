/**
 * Runs one mutation of the domain API by name, in process: the one way rules, batches, seeds and
 * the simulator's start-up write data. The arguments are checked against the schema first
 * (`coerce-arguments.ts`), exactly as the GraphQL API checks a request, then the mutation's
 * command runs: the generic create or update, or the special command of that name.
 */
import { type GraphQLField, getNamedType, isInputObjectType } from 'graphql';
import type { Actor, Domain } from '../domain.js';
import { SimError } from '../errors.js';
import { classifyField } from '../field-kinds.js';
import type { Model } from '../model.js';
import type { Command } from './command.js';
import { coerceArguments } from './coerce-arguments.js';
import { SPECIAL_COMMANDS } from './index.js';
import { requireInputObject } from './require-input.js';

/** `Mutation.<name>` of every special command, as `classifyField` expects them. */
export const SPECIAL_MUTATIONS: ReadonlySet<string> = new Set(Object.keys(SPECIAL_COMMANDS).map((name) => `Mutation.${name}`));

/** Each model's mutations as looked up once: field and command by name (the schema never changes). */
const resolved = new WeakMap<Model, Map<string, { field: GraphQLField<unknown, unknown>; command: Command }>>();

export function runCommand(domain: Domain, name: string, args: Record<string, unknown>, actor?: Actor): unknown {
  let byName = resolved.get(domain.model);
  if (!byName) resolved.set(domain.model, (byName = new Map()));
  let mutation = byName.get(name);
  if (!mutation) {
    const field = mutationField(domain.model, name);
    mutation = { field, command: commandOf(domain.model, field) };
    byName.set(name, mutation);
  }
  return mutation.command(domain, coerceArguments(mutation.field, args), actor);
}

export function mutationField(model: Model, name: string): GraphQLField<unknown, unknown> {
  const field = model.mutationType.getFields()[name];
  if (!field) throw new SimError('VALIDATION_FAILED', `Mutation "${name}" does not exist in the Fluent schema`);
  return field;
}

/** The command a mutation runs: its special command, or the generic create / update of its entity. */
export function commandOf(model: Model, field: GraphQLField<unknown, unknown>): Command {
  const cls = classifyField(model, field, 'Mutation', SPECIAL_MUTATIONS);
  if (cls.kind === 'create' || cls.kind === 'update') {
    const inputType = getNamedType(field.args.find((a) => a.name === 'input')?.type);
    if (!isInputObjectType(inputType)) throw new SimError('INTERNAL', `${field.name} has no input object`);
    const { typename } = cls;
    return cls.kind === 'create'
      ? (domain, args) => domain.entities.create(typename, inputType, requireInputObject(args['input'], field.name))
      : (domain, args) => domain.entities.update(typename, inputType, requireInputObject(args['input'], field.name));
  }
  const special = SPECIAL_COMMANDS[field.name];
  if (!special) throw new SimError('INTERNAL', `Mutation "${field.name}" fits no convention and has no command (server/domain/commands/)`);
  return special;
}

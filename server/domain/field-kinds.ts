/**
 * Classifies every root field of the schema by convention (style §3): lookups, searches, creates
 * and updates are served by the generic resolvers; the rest by a named module in `special/`.
 * A test asserts that all 232 fields are classified, so nothing falls through silently.
 */
import { type GraphQLField, getNamedType, isInputObjectType } from 'graphql';
import type { Model } from '../domain/model.js';

export type FieldClass =
  | { kind: 'lookup'; typename: string }
  | { kind: 'search'; node: string }
  | { kind: 'create'; typename: string; inputType: string }
  | { kind: 'update'; typename: string; inputType: string }
  | { kind: 'special' };

export function classifyField(model: Model, field: GraphQLField<unknown, unknown>, root: 'Query' | 'Mutation', specials: ReadonlySet<string>): FieldClass {
  if (specials.has(`${root}.${field.name}`)) return { kind: 'special' };
  const ret = getNamedType(field.type);
  if (root === 'Query') {
    if (/Connection$/.test(ret.name)) {
      const node = model.connectionNode(ret.name);
      if (node && model.concreteTypes(node).length) return { kind: 'search', node };
      return { kind: 'special' };
    }
    if (model.concreteTypes(ret.name).length) return { kind: 'lookup', typename: ret.name };
    return { kind: 'special' };
  }
  const input = field.args.find((a) => a.name === 'input');
  const inputType = input ? getNamedType(input.type) : undefined;
  if (inputType && isInputObjectType(inputType) && model.isStored(ret.name)) {
    if (field.name.startsWith('create')) return { kind: 'create', typename: ret.name, inputType: inputType.name };
    if (field.name.startsWith('update')) return { kind: 'update', typename: ret.name, inputType: inputType.name };
  }
  return { kind: 'special' };
}

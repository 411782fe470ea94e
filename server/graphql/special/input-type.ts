/** The schema's input object type of a given name (the special mutations reuse the generic create inputs). */
import { type GraphQLInputObjectType, isInputObjectType } from 'graphql';
import type { Account } from '../../account.js';
import { SimError } from '../../domain/errors.js';

export function inputType(account: Account, name: string): GraphQLInputObjectType {
  const type = account.model.schema.getType(name);
  if (!isInputObjectType(type)) throw new SimError('INTERNAL', `${name} is not an input type of the schema`);
  return type;
}

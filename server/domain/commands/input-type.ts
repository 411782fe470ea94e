/** The schema's input object type of a given name (the special mutations reuse the generic create inputs). */
import { type GraphQLInputObjectType, isInputObjectType } from 'graphql';
import type { Domain } from '../domain.js';
import { SimError } from '../errors.js';

export function inputType(domain: Domain, name: string): GraphQLInputObjectType {
  const type = domain.model.type(name);
  if (!isInputObjectType(type)) throw new SimError('INTERNAL', `${name} is not an input type of the schema`);
  return type;
}

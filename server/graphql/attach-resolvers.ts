/**
 * Puts generated resolvers onto the schema built from the SDL, in place: the field resolvers of
 * object types and `resolveType` of interfaces. Refuses a resolver for a type or field the
 * schema does not have, so a typo cannot silently serve nothing.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver, isInterfaceType, isObjectType } from 'graphql';
import type { GraphQLContext } from './context.js';

export type FieldResolver = GraphQLFieldResolver<unknown, GraphQLContext, Record<string, unknown>>;
export type TypeResolver = GraphQLTypeResolver<unknown, GraphQLContext>;
/** The field resolvers of each object type, by field name, or the `resolveType` of an interface. */
export type ResolverMap = Record<string, Record<string, FieldResolver> | TypeResolver>;

export function attachResolvers(schema: GraphQLSchema, resolvers: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (isInterfaceType(type)) {
      if (typeof fields === 'function') type.resolveType = fields;
      continue;
    }
    if (!isObjectType(type) || typeof fields === 'function') throw new Error(`resolvers for ${typeName}, which is not an object type of the schema`);
    const own = type.getFields();
    for (const [name, resolve] of Object.entries(fields)) {
      const field = own[name];
      if (!field) throw new Error(`resolver for ${typeName}.${name}, which the schema does not have`);
      field.resolve = resolve;
    }
  }
}

/**
 * Puts generated resolvers onto the schema built from the SDL, in place: the field resolvers of
 * object types and `resolveType` of interfaces. Refuses a resolver for a type or field the
 * schema does not have, so a typo cannot silently serve nothing.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';

type ResolverMap = Record<string, Record<string, unknown>>;

export function attachResolvers(schema: GraphQLSchema, resolvers: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (isInterfaceType(type)) {
      const resolveType = fields['__resolveType'];
      if (typeof resolveType === 'function') type.resolveType = resolveType as never;
      continue;
    }
    if (!isObjectType(type)) throw new Error(`resolvers for ${typeName}, which is not an object type of the schema`);
    const own = type.getFields();
    for (const [name, resolve] of Object.entries(fields)) {
      const field = own[name];
      if (!field) throw new Error(`resolver for ${typeName}.${name}, which the schema does not have`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
}

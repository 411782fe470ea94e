/**
 * The GraphQL types of a schema table (schema-table.ts), built as `buildASTSchema` would build
 * them from the SDL, except that each type's fields, arguments and interfaces are built on first
 * use and the `GraphQLSchema` itself on first call (issue 17): the domain reads a few dozen types
 * (the mutations it runs, their inputs, a few queries' arguments), and a start seeds the account
 * without building the other four hundred. The `GraphQLSchema` holds these same type objects, so
 * the domain and the GraphQL API always see one schema. test/domain/schema-types.test.ts
 * compares the result with `buildASTSchema`'s.
 */
import {
  GraphQLEnumType,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInterfaceType,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLSchema,
  type GraphQLType,
  isInputType,
  isInterfaceType,
  isObjectType,
  isOutputType,
  specifiedScalarTypes,
} from 'graphql';
import type { SchemaTable, TableArg, TableField } from './schema-table.js';

export type SchemaTypes = {
  /** A named type (built-in scalars included); its fields are built on first use. */
  type(name: string): GraphQLNamedType | undefined;
  readonly query: GraphQLObjectType;
  readonly mutation: GraphQLObjectType;
  /** The schema of these types, built on the first call (which builds every field of every type). */
  schema(): GraphQLSchema;
};

export function schemaTypes(table: SchemaTable): SchemaTypes {
  const byName = new Map<string, GraphQLNamedType>(specifiedScalarTypes.map((scalar) => [scalar.name, scalar]));
  const named = (name: string): GraphQLNamedType => {
    const found = byName.get(name);
    if (!found) throw new Error(`the schema names an unknown type ${name}`);
    return found;
  };
  const typeOf = (ref: string): GraphQLType => {
    if (ref.endsWith('!')) {
      const inner = typeOf(ref.slice(0, -1));
      if (inner instanceof GraphQLNonNull) throw new Error(`${ref}: non-null of non-null`);
      return new GraphQLNonNull(inner);
    }
    if (ref.startsWith('[')) return new GraphQLList(typeOf(ref.slice(1, -1)));
    return named(ref);
  };
  const outputType = (ref: string): GraphQLOutputType => {
    const type = typeOf(ref);
    if (!isOutputType(type)) throw new Error(`${ref} is not an output type`);
    return type;
  };
  const inputType = (ref: string): GraphQLInputType => {
    const type = typeOf(ref);
    if (!isInputType(type)) throw new Error(`${ref} is not an input type`);
    return type;
  };
  const interfacesOf = (names: readonly string[]) => (): GraphQLInterfaceType[] =>
    names.map((name) => {
      const type = named(name);
      if (!isInterfaceType(type)) throw new Error(`${name} is not an interface`);
      return type;
    });
  const argsOf = (args: readonly TableArg[] | undefined): GraphQLFieldConfigArgumentMap => {
    const map: GraphQLFieldConfigArgumentMap = {};
    for (const arg of args ?? []) map[arg.name] = { type: inputType(arg.type) };
    return map;
  };
  const fieldsOf =
    <TSource>(fields: readonly TableField[]) =>
    (): GraphQLFieldConfigMap<TSource, unknown> => {
      const map: GraphQLFieldConfigMap<TSource, unknown> = {};
      for (const field of fields) map[field.name] = { type: outputType(field.type), args: argsOf(field.args), deprecationReason: field.deprecated };
      return map;
    };
  const inputFieldsOf = (fields: readonly TableArg[]) => (): GraphQLInputFieldConfigMap => {
    const map: GraphQLInputFieldConfigMap = {};
    for (const field of fields) map[field.name] = { type: inputType(field.type) };
    return map;
  };

  const own: GraphQLNamedType[] = [];
  for (const row of table) {
    if (byName.has(row.name)) throw new Error(`the schema defines ${row.name} twice`);
    const { name } = row;
    let type: GraphQLNamedType;
    switch (row.kind) {
      case 'scalar':
        type = new GraphQLScalarType({ name });
        break;
      case 'enum':
        type = new GraphQLEnumType({ name, values: Object.fromEntries(row.values.map((value) => [value, {}])) });
        break;
      case 'object':
        type = new GraphQLObjectType({ name, interfaces: interfacesOf(row.interfaces), fields: fieldsOf(row.fields) });
        break;
      case 'interface':
        type = new GraphQLInterfaceType({ name, interfaces: interfacesOf(row.interfaces), fields: fieldsOf(row.fields) });
        break;
      case 'input':
        type = new GraphQLInputObjectType({ name, fields: inputFieldsOf(row.fields) });
        break;
    }
    byName.set(name, type);
    own.push(type);
  }
  const root = (name: string): GraphQLObjectType => {
    const type = byName.get(name);
    if (!isObjectType(type)) throw new Error(`the schema has no ${name} type`);
    return type;
  };
  const query = root('Query');
  const mutation = root('Mutation');
  let schema: GraphQLSchema | undefined;
  return {
    type: (name) => byName.get(name),
    query,
    mutation,
    // The types in SDL order, as buildASTSchema passes them: the schema's type map keeps that order.
    // assumeValid: the committed SDL is a valid schema (test/domain/schema-types.test.ts validates
    // the one built from it), so the first GraphQL request need not validate it again (5–10 ms).
    schema: () => (schema ??= new GraphQLSchema({ query, mutation, types: own, assumeValid: true })),
  };
}

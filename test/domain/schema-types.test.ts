import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  introspectionFromSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  printSchema,
  validateSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createModel, type FieldKind } from '../../server/domain/model.js';
import { packagePath } from '../../server/lib/package-path.js';
import { isNonNullRef, namedTypeOf, schemaTableOf } from '../../server/domain/schema-table.js';
import { schemaTypes } from '../../server/domain/schema-types.js';

/** The types built from the table (issue 17) are the ones buildASTSchema builds from the SDL. */
describe('schemaTypes', () => {
  const sdl = readFileSync(packagePath('schema/fluent.graphql'), 'utf8');
  const table = schemaTableOf(parse(sdl, { noLocation: true }));
  const reference = buildASTSchema(parse(sdl), { assumeValidSDL: true });

  it('builds the same schema as buildASTSchema: printed, introspected, type order, valid', () => {
    const built = schemaTypes(table).schema();
    expect(printSchema(built)).toBe(printSchema(reference));
    expect(introspectionFromSchema(built)).toEqual(introspectionFromSchema(reference));
    expect(Object.keys(built.getTypeMap())).toEqual(Object.keys(reference.getTypeMap()));
    // Built with assumeValid (the first GraphQL request skips the check): checked here instead.
    expect(validateSchema(new GraphQLSchema({ ...built.toConfig(), assumeValid: false }))).toEqual([]);
  });

  it('hands the domain the very type objects the schema holds, built once', () => {
    const types = schemaTypes(table);
    const order = types.type('Order');
    const mutation = types.mutation.getFields()['createOrder'];
    const schema = types.schema();
    expect(schema).toBe(types.schema());
    expect(schema.getType('Order')).toBe(order);
    expect(schema.getMutationType()).toBe(types.mutation);
    expect(schema.getQueryType()).toBe(types.query);
    expect(types.mutation.getFields()['createOrder']).toBe(mutation);
    expect(types.type('String')).toBe(schema.getType('String'));
    expect(types.type('NoSuchType')).toBeUndefined();
  });

  it('gives the entity model buildASTSchema’s schema gives, classified through graphql-js', () => {
    const model = createModel(table, schemaTypes(table));
    const expected = classifiedBy(reference, model);
    expect(Object.keys(model.entities).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, entity] of Object.entries(model.entities)) expect(entity.fields, name).toEqual(expected[name]);
    for (const type of Object.values(reference.getTypeMap())) {
      if (isInterfaceType(type))
        expect(model.concreteTypes(type.name)).toEqual(
          reference
            .getPossibleTypes(type)
            .map((t) => t.name)
            .filter((n) => model.isStored(n)),
        );
    }
    // The Query fields the unique-ref check reads off the table: names, named types, required arguments.
    const query = Object.values(reference.getQueryType()!.getFields());
    expect(model.queryFields.map((f) => [f.name, namedTypeOf(f.type), (f.args ?? []).map((a) => [a.name, isNonNullRef(a.type)])])).toEqual(
      query.map((f) => [f.name, getNamedType(f.type).name, f.args.map((a) => [a.name, isNonNullType(a.type)])]),
    );
  });
});

/** Each stored type's fields classified with graphql-js's own type predicates: the model's rules, read off a built schema. */
function classifiedBy(schema: GraphQLSchema, model: ReturnType<typeof createModel>): Record<string, Record<string, FieldKind>> {
  const isLinkView = (t: GraphQLNamedType): boolean => /Link$/.test(t.name) && isObjectType(t);
  const isConnection = (t: GraphQLNamedType): boolean => /Connection$/.test(t.name) && isObjectType(t) && 'edges' in t.getFields();
  const classify = (field: GraphQLField<unknown, unknown>): FieldKind => {
    const named = getNamedType(field.type);
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    if (!isObjectType(named) && !isInterfaceType(named)) return { kind: 'scalar' };
    if (isConnection(named)) return { kind: 'connection', node: model.connectionNode(named.name) ?? named.name };
    const base = named.name.replace(/Link$/, '');
    const target = isLinkView(named) ? (model.concreteTypes(base).length ? base : undefined) : model.concreteTypes(named.name).length ? named.name : undefined;
    if (target === undefined) return { kind: 'value', list };
    if (list) return { kind: 'links', target };
    return { kind: 'link', target, view: isLinkView(named) };
  };
  const out: Record<string, Record<string, FieldKind>> = {};
  for (const name of Object.keys(model.entities)) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    out[name] = Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, classify(f)]));
  }
  return out;
}

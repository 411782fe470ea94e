/**
 * The entity model, derived from Fluent's GraphQL schema at start-up (design §2 principle 2).
 *
 * Stored types: object types with an `id`, plus a few id-less join records (`ConsignmentArticle`). `…Link` object types (`CustomerLink`, `RetailerLink`, …) are views of a
 * linked entity and are never stored. Each field of a stored type is classified once, so the
 * generic resolvers and the create/update code never stem names (the schema has
 * `carrierDetailses` and `creditMemoes`).
 */
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { FLUENT_ENTITY_TYPES } from './overrides.js';

export type FieldKind =
  | { kind: 'scalar' }
  /** Inline JSON object(s) without identity: Attribute, Price, TaxType, AmountType, … */
  | { kind: 'value'; list: boolean }
  /** One linked entity (`Order.retailer`), or a `…Link` view of one (`Order.customerLink`). */
  | { kind: 'link'; target: string; view: boolean }
  /** A plain list of linked entities (`Invoice.creditMemos: [CreditMemo]`). */
  | { kind: 'links'; target: string }
  /** A `…Connection` of entities (`Order.items`). */
  | { kind: 'connection'; node: string };

export type EntityType = {
  name: string;
  fields: Record<string, FieldKind>;
  hasId: boolean;
  orchestrateable: boolean;
  fluentEntityType: string | undefined;
};

export type Model = {
  schema: GraphQLSchema;
  entities: Record<string, EntityType>;
  /** Concrete stored types for a stored type or an interface (`Product` → Standard/Variant/Group). */
  concreteTypes(name: string): string[];
  isStored(name: string): boolean;
};

/**
 * Connection nodes without an `id` that are still records of their own: join records between two
 * entities and named permissions. Other id-less nodes (`Price`, `VirtualInventory`) are computed.
 */
const JOIN_TYPES = ['ConsignmentArticle', 'CarrierConsignmentArticle', 'Permission', 'WaveItem'];

const isLinkView = (t: GraphQLNamedType): boolean => /Link$/.test(t.name) && isObjectType(t);
const isConnection = (t: GraphQLNamedType): boolean => /Connection$/.test(t.name) && isObjectType(t) && 'edges' in t.getFields();

export function connectionNode(schema: GraphQLSchema, connectionName: string): string | undefined {
  const conn = schema.getType(connectionName);
  if (!conn || !isObjectType(conn)) return undefined;
  const edges = conn.getFields()['edges'];
  if (!edges) return undefined;
  const edge = getNamedType(edges.type);
  if (!isObjectType(edge)) return undefined;
  const node = edge.getFields()['node'];
  return node ? getNamedType(node.type).name : undefined;
}

export function createModel(schema: GraphQLSchema): Model {
  const typeMap = schema.getTypeMap();
  const stored = new Set<string>();
  for (const t of Object.values(typeMap)) {
    if (!isObjectType(t) || t.name.startsWith('__') || isLinkView(t) || isConnection(t) || /Edge$/.test(t.name)) continue;
    if (t.name === 'Query' || t.name === 'Mutation') continue;
    if ('id' in t.getFields()) stored.add(t.name);
  }
  for (const name of JOIN_TYPES) stored.add(name);

  const concrete = (name: string): string[] => {
    const t = schema.getType(name);
    if (t && isInterfaceType(t))
      return schema
        .getPossibleTypes(t)
        .map((p) => p.name)
        .filter((n) => stored.has(n));
    return stored.has(name) ? [name] : [];
  };

  const linkTarget = (t: GraphQLNamedType): string | undefined => {
    if (isLinkView(t)) {
      const base = t.name.replace(/Link$/, '');
      return concrete(base).length ? base : undefined;
    }
    if (isInterfaceType(t) && concrete(t.name).length) return t.name;
    return stored.has(t.name) ? t.name : undefined;
  };

  const classify = (field: GraphQLField<unknown, unknown>): FieldKind => {
    const named = getNamedType(field.type);
    const list = isListType(unwrapNonNull(field.type));
    if (!isObjectType(named) && !isInterfaceType(named)) return { kind: 'scalar' };
    if (isConnection(named)) return { kind: 'connection', node: connectionNode(schema, named.name) ?? named.name };
    const target = linkTarget(named);
    if (target === undefined) return { kind: 'value', list };
    if (list) return { kind: 'links', target };
    return { kind: 'link', target, view: isLinkView(named) };
  };

  const entities: Record<string, EntityType> = {};
  for (const name of stored) {
    const t = schema.getType(name);
    if (!t || !isObjectType(t)) continue;
    const fields: Record<string, FieldKind> = {};
    for (const f of Object.values(t.getFields())) fields[f.name] = classify(f);
    entities[name] = {
      name,
      fields,
      hasId: 'id' in t.getFields(),
      orchestrateable: 'workflowRef' in t.getFields() && 'status' in t.getFields(),
      fluentEntityType: FLUENT_ENTITY_TYPES[name],
    };
  }
  return { schema, entities, concreteTypes: concrete, isStored: (n) => stored.has(n) };
}

function unwrapNonNull(t: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(t) ? t.ofType : t;
}

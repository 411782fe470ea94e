/**
 * The entity model, derived from Fluent's GraphQL schema at start-up (design §2 principle 2):
 * read off the schema's table of types (schema-table.ts), so a start builds no GraphQL field for it.
 *
 * Stored types: object types with an `id`, plus a few id-less join records (`ConsignmentArticle`). `…Link` object types (`CustomerLink`, `RetailerLink`, …) are views of a
 * linked entity and are never stored. Each field of a stored type is classified once, so the
 * generic resolvers and the create/update code never stem names (the schema has
 * `carrierDetailses` and `creditMemoes`).
 */
import type { GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { namedTypeOf, type SchemaTable, type TableField, type TableType } from './schema-table.js';
import type { SchemaTypes } from './schema-types.js';
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
  /**
   * The whole GraphQL schema, built on first read, which builds every field of every type: the
   * GraphQL API reads it, the domain reads `type`, `queryType` and `mutationType` instead.
   */
  readonly schema: GraphQLSchema;
  /** A named type of the schema; its fields are built on first use. */
  type(name: string): GraphQLNamedType | undefined;
  readonly queryType: GraphQLObjectType;
  readonly mutationType: GraphQLObjectType;
  entities: Record<string, EntityType>;
  /** Concrete stored types for a stored type or an interface (`Product` → Standard/Variant/Group). */
  concreteTypes(name: string): string[];
  isStored(name: string): boolean;
  /** The node type of a `…Connection` type (`OrderConnection` → `Order`). */
  connectionNode(connectionName: string): string | undefined;
  /** The Query type's fields as the schema table has them: names and SDL type references, no GraphQL field built. */
  readonly queryFields: readonly TableField[];
};

/**
 * Connection nodes without an `id` that are still records of their own: join records between two
 * entities and named permissions. Other id-less nodes (`Price`, `VirtualInventory`) are computed.
 */
const JOIN_TYPES = ['ConsignmentArticle', 'CarrierConsignmentArticle', 'Permission', 'WaveItem'];

type Composite = Extract<TableType, { kind: 'object' | 'interface' }>;

/** The entity model of a schema table; `types` are the table's GraphQL types (the table is read, they are not built). */
export function createModel(table: SchemaTable, types: SchemaTypes): Model {
  const byName = new Map(table.map((row) => [row.name, row]));
  const composite = (name: string): Composite | undefined => {
    const row = byName.get(name);
    return row?.kind === 'object' || row?.kind === 'interface' ? row : undefined;
  };
  const fieldOf = (row: Composite, name: string): TableField | undefined => row.fields.find((f) => f.name === name);
  const isObject = (name: string): boolean => byName.get(name)?.kind === 'object';
  const isLinkView = (name: string): boolean => /Link$/.test(name) && isObject(name);
  const isConnection = (name: string): boolean => {
    const row = composite(name);
    return /Connection$/.test(name) && row?.kind === 'object' && fieldOf(row, 'edges') !== undefined;
  };
  const connectionNode = (connectionName: string): string | undefined => {
    const conn = composite(connectionName);
    const edges = conn?.kind === 'object' ? fieldOf(conn, 'edges') : undefined;
    const edge = edges ? composite(namedTypeOf(edges.type)) : undefined;
    const node = edge?.kind === 'object' ? fieldOf(edge, 'node') : undefined;
    return node ? namedTypeOf(node.type) : undefined;
  };

  const stored = new Set<string>();
  for (const row of table) {
    if (row.kind !== 'object' || row.name.startsWith('__') || isLinkView(row.name) || isConnection(row.name) || /Edge$/.test(row.name)) continue;
    if (row.name === 'Query' || row.name === 'Mutation') continue;
    if (fieldOf(row, 'id')) stored.add(row.name);
  }
  for (const name of JOIN_TYPES) stored.add(name);

  /** Objects implementing each interface, in schema order (`GraphQLSchema.getPossibleTypes`). */
  const implementations = new Map<string, string[]>();
  for (const row of table) {
    if (row.kind !== 'object') continue;
    for (const iface of row.interfaces) implementations.set(iface, [...(implementations.get(iface) ?? []), row.name]);
  }
  const concrete = (name: string): string[] => {
    if (composite(name)?.kind === 'interface') return (implementations.get(name) ?? []).filter((n) => stored.has(n));
    return stored.has(name) ? [name] : [];
  };

  const linkTarget = (name: string): string | undefined => {
    if (isLinkView(name)) {
      const base = name.replace(/Link$/, '');
      return concrete(base).length ? base : undefined;
    }
    if (composite(name)?.kind === 'interface' && concrete(name).length) return name;
    return stored.has(name) ? name : undefined;
  };

  const classify = (field: TableField): FieldKind => {
    const named = namedTypeOf(field.type);
    const list = field.type.replace(/!$/, '').startsWith('[');
    if (!composite(named)) return { kind: 'scalar' };
    if (isConnection(named)) return { kind: 'connection', node: connectionNode(named) ?? named };
    const target = linkTarget(named);
    if (target === undefined) return { kind: 'value', list };
    if (list) return { kind: 'links', target };
    return { kind: 'link', target, view: isLinkView(named) };
  };

  const entities: Record<string, EntityType> = {};
  for (const name of stored) {
    const row = composite(name);
    if (row?.kind !== 'object') continue;
    const fields: Record<string, FieldKind> = {};
    for (const f of row.fields) fields[f.name] = classify(f);
    entities[name] = {
      name,
      fields,
      hasId: 'id' in fields,
      orchestrateable: 'workflowRef' in fields && 'status' in fields,
      fluentEntityType: FLUENT_ENTITY_TYPES[name],
    };
  }
  return {
    get schema() {
      return types.schema();
    },
    type: types.type,
    queryType: types.query,
    mutationType: types.mutation,
    entities,
    concreteTypes: concrete,
    isStored: (n) => stored.has(n),
    connectionNode,
    queryFields: composite('Query')?.fields ?? [],
  };
}

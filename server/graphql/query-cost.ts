/**
 * Static measures of a GraphQL operation, computed before validation and execution: selection
 * depth, alias count, and complexity as the platform counts it — "Total Complexity equals the
 * number of queries to be executed" (docs.fluentcommerce.com, GraphQL Query Limits; max 11,111).
 *
 * Complexity, [inferred] where the page is silent: each root field is one query; below it, each
 * connection field is one query per parent it can appear under, and multiplies what is under it
 * by its page size (`first` or `last`, else the default page size, at most the largest page).
 * Object links (`order.customer`), `edges`, `node` and value objects come with their parent's
 * query and cost nothing. The limit 11,111 = 1 + 10 + 100 + 1,000 + 10,000 reads as five nested
 * levels of default pages of 10, which is what this counts.
 * Introspection fields (`__schema`, `__type`) are not counted, so GraphiQL keeps working.
 */
import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** `selections` counts fields after fragments are expanded: a guard against fragment fan-out. */
export type QueryCost = { depth: number; aliases: number; complexity: number; selections: number };
export type PageSizes = { defaultPageSize: number; maxPageSize: number };

type Walk = {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  pages: PageSizes;
  /** Stops counting once a measure is over its cap: the answer is "too complex" either way. */
  caps: Omit<QueryCost, 'depth'>;
  visited: number;
};

const isConnection = (type: GraphQLNamedType): boolean => isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();

function pageSize(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, walk: Walk): number {
  for (const arg of args ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const raw = arg.value.kind === Kind.VARIABLE ? walk.variables[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return Math.min(raw, walk.pages.maxPageSize);
  }
  return walk.pages.defaultPageSize;
}

/** Fields of a type; for unions and interfaces, the fragments name the concrete type. */
function fieldsOf(type: GraphQLNamedType | undefined): Record<string, { type: GraphQLOutputType }> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

function measure(set: SelectionSetNode, type: GraphQLNamedType | undefined, multiplier: number, depth: number, walk: Walk, seen: Set<string>): QueryCost {
  const total: QueryCost = { depth, aliases: 0, complexity: 0, selections: 0 };
  for (const selection of set.selections) {
    let inner: QueryCost | undefined;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      walk.visited += 1;
      total.depth = Math.max(total.depth, depth + 1);
      if (selection.alias) total.aliases += 1;
      const field = fieldsOf(type)?.[selection.name.value];
      const named = field ? getNamedType(field.type) : undefined;
      if (!selection.selectionSet) continue;
      const root = depth === 0;
      const connection = named !== undefined && isConnection(named);
      const queries = root || connection ? multiplier : 0;
      const below = connection ? multiplier * pageSize(selection.arguments, walk) : multiplier;
      total.complexity += queries;
      inner = measure(selection.selectionSet, named, below, depth + 1, walk, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const named = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      inner = measure(selection.selectionSet, named ?? undefined, multiplier, depth, walk, seen);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      // A fragment spread inside itself is a validation error; do not loop on it here.
      if (!fragment || seen.has(fragment.name.value)) continue;
      const named = walk.schema.getType(fragment.typeCondition.name.value);
      inner = measure(fragment.selectionSet, named ?? undefined, multiplier, depth, walk, new Set([...seen, fragment.name.value]));
    }
    total.depth = Math.max(total.depth, inner.depth);
    total.aliases += inner.aliases;
    total.complexity += inner.complexity;
    if (total.complexity > walk.caps.complexity || total.aliases > walk.caps.aliases || walk.visited > walk.caps.selections) break;
  }
  total.selections = walk.visited;
  return total;
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  pages: PageSizes,
  caps: Omit<QueryCost, 'depth'>,
): QueryCost {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return measure(operation.selectionSet, rootType ?? undefined, 1, 0, { schema, fragments, variables, pages, caps, visited: 0 }, new Set());
}

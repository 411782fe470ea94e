/**
 * A graphql-yoga plugin that bounds the work one GraphQL request can cause (issue 16 #2), in one
 * file so it moves with the endpoint:
 * - before parsing: bracket nesting of the text and graphql-js's token limit, so thousands of
 *   nested braces are a client error and not a stack overflow;
 * - before validation: selection depth, aliases, expanded selections and complexity
 *   (query-cost.ts), answered with the platform's `C0001E` (fluent-platform.md §2.10) before the
 *   quadratic overlap check of graphql-js runs on thousands of aliases;
 * - inputs: a list longer than the limit (an order of 100,000 items blocked everyone for minutes)
 *   is `C0001E`; a number that is not finite (`1e309`) is refused, never stored as Infinity
 *   (graphql-js checks Float variables, but not literals or JSON-typed values); an object or list
 *   value written in the text nested deeper than MAX_JSON_DEPTH is refused, as JSON bodies are
 *   (variables sent as JSON are checked with the request body, lib/json-depth.ts; variables of a
 *   multipart request, which no JSON body parser sees, are checked here the same way: 400).
 */
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type Source,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isRecord } from '../lib/guards.js';
import { MAX_JSON_DEPTH, tooDeepAt, tooDeepMessage } from '../lib/json-depth.js';
import { measureOperation, type PageSizes } from './query-cost.js';

export type QueryLimits = PageSizes & { maxDepth: number; maxAliases: number; maxComplexity: number; maxInputList: number };

/** Fields after fragments are expanded; a real query has a few hundred. */
export const MAX_SELECTIONS = 10_000;
/** Brackets `{ ( [` open at once in the text (selections plus nested input values). */
export const MAX_NESTING = 128;
/** graphql-js's own guard; a 2 MB body of tokens stays well under. */
export const MAX_TOKENS = 200_000;

const tooComplex = (message: string): GraphQLError => new GraphQLError(`C0001E: Query too complex: ${message}`, { extensions: { code: 'C0001E' } });

/** Deepest bracket nesting of a GraphQL text, skipping strings and comments; stops past `limit`. */
export function bracketNesting(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '#') while (i < text.length && text[i] !== '\n') i += 1;
    else if (c === '"' && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"' && text[i] !== '\n'; i += 1) if (text[i] === '\\') i += 1;
    } else if (c === '{' || c === '(' || c === '[') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ')' || c === ']') depth -= 1;
  }
  return deepest;
}

type InputFinding = { nonFinite?: string; longestList: number };
type LiteralFinding = InputFinding & { tooDeep?: ASTNode };

/** Numbers, list lengths, and the first object or list value nested deeper than MAX_JSON_DEPTH. */
function scanLiterals(document: DocumentNode): LiteralFinding {
  const found: LiteralFinding = { longestList: 0 };
  const number = (value: string): void => void (Number.isFinite(Number(value)) ? undefined : (found.nonFinite ??= value));
  let nesting = 0;
  const enter = (node: ASTNode): void => void (++nesting > MAX_JSON_DEPTH && (found.tooDeep ??= node));
  const leave = (): void => void (nesting -= 1);
  visit(document, {
    FloatValue: (node) => number(node.value),
    IntValue: (node) => number(node.value),
    ObjectValue: { enter, leave },
    ListValue: {
      enter: (node) => {
        found.longestList = Math.max(found.longestList, node.values.length);
        enter(node);
      },
      leave,
    },
  });
  return found;
}

/** Walks the variables without recursion (they may nest thousands deep). */
function scanVariables(value: unknown): InputFinding {
  const found: InputFinding = { longestList: 0 };
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'number' && !Number.isFinite(next)) found.nonFinite ??= String(next);
    if (Array.isArray(next)) found.longestList = Math.max(found.longestList, next.length);
    if (next && typeof next === 'object') for (const v of Object.values(next)) stack.push(v);
  }
  return found;
}

function split(document: DocumentNode): { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  return { operations, fragments };
}

/** What the text alone decides (yoga caches validation per document, so no variables here). */
function checkDocument(document: DocumentNode, schema: GraphQLSchema, limits: QueryLimits): GraphQLError | undefined {
  const literals = scanLiterals(document);
  if (literals.nonFinite !== undefined)
    return new GraphQLError(`Float cannot represent non numeric value: ${literals.nonFinite}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  if (literals.longestList > limits.maxInputList) return tooLong(literals.longestList, limits);
  if (literals.tooDeep)
    return new GraphQLError(`An input value nests deeper than ${MAX_JSON_DEPTH} levels`, {
      nodes: literals.tooDeep,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  const { operations, fragments } = split(document);
  for (const operation of operations) {
    const cost = measureOperation(schema, operation, fragments, {}, limits, {
      aliases: limits.maxAliases,
      complexity: Number.POSITIVE_INFINITY,
      selections: MAX_SELECTIONS,
    });
    if (cost.aliases > limits.maxAliases) return tooComplex(`more than ${limits.maxAliases} aliases`);
    if (cost.selections > MAX_SELECTIONS) return tooComplex(`more than ${MAX_SELECTIONS} fields once fragments are expanded`);
    if (cost.depth > limits.maxDepth) return tooComplex(`depth ${cost.depth} is over the limit of ${limits.maxDepth}`);
  }
  return undefined;
}

/** What depends on the variables: page sizes given as `$first`, input lists, numbers. */
function checkExecution(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
  limits: QueryLimits,
): GraphQLError | undefined {
  const deep = tooDeepAt(variables);
  if (deep !== undefined) {
    return new GraphQLError(tooDeepMessage(`/variables${deep}`), { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  }
  const values = scanVariables(variables);
  if (values.nonFinite !== undefined)
    return new GraphQLError(`Variables cannot hold a non-finite number (${values.nonFinite})`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (values.longestList > limits.maxInputList) return tooLong(values.longestList, limits);
  const { operations, fragments } = split(document);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName);
  if (!operation) return undefined;
  const cost = measureOperation(schema, operation, fragments, variables, limits, {
    aliases: Number.POSITIVE_INFINITY,
    complexity: limits.maxComplexity,
    selections: MAX_SELECTIONS,
  });
  if (cost.complexity > limits.maxComplexity) {
    return tooComplex(`complexity over the limit of ${limits.maxComplexity}; ask for smaller pages (first/last) or fewer nested connections`);
  }
  return undefined;
}

const tooLong = (length: number, limits: QueryLimits): GraphQLError =>
  tooComplex(`an input list holds ${length} entries; at most ${limits.maxInputList} (split it over several requests)`);

export function useQueryLimits(limits: QueryLimits): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      // envelop types `parse` loosely (`any`); graphql-js's own parse takes `string | Source`.
      setParseFn((source: string | Source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        if (bracketNesting(text, MAX_NESTING) > MAX_NESTING) throw tooComplex(`brackets nested more than ${MAX_NESTING} deep`);
        return parseFn(source, { ...options, maxTokens: MAX_TOKENS });
      });
    },
    onValidate({ params, setResult }) {
      const error = checkDocument(params.documentAST, params.schema, limits);
      if (error) setResult([error]);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const variables = isRecord(args.variableValues) ? args.variableValues : {};
      const error = checkExecution(args.document, args.operationName, variables, args.schema, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

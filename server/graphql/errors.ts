/**
 * The only place a GraphQL error gets its wire form (style §5). A SimError keeps its message
 * (which starts with Fluent's code, e.g. `C0120E: …`) and carries the code in
 * `extensions.code` too: the official client reads either place (fluent-platform.md §2.10,
 * §8 #11). Anything unexpected is masked as "Unexpected error.".
 */
import { GraphQLError } from 'graphql';
import { isSimError } from '../domain/errors.js';

export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isSimError(original)) {
    const code = original.spec.gqlCode ?? original.code;
    const text =
      original.spec.gqlCode && !original.message.startsWith(original.spec.gqlCode) ? `${original.spec.gqlCode}: ${original.message}` : original.message;
    return new GraphQLError(text, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code },
    });
  }
  // Parse, validation and variable-coercion errors are the client's and keep graphql-js's message.
  if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) return error;
  // A non-null field the simulator left empty: say which, it is a gap worth reporting.
  if (error instanceof GraphQLError && /^Cannot return null for non-nullable field/.test(error.message)) return error;
  return new GraphQLError(message, { path: error instanceof GraphQLError ? error.path : undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

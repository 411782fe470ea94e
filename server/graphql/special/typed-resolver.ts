/**
 * A special resolver written against the shape of its field's arguments (`A`, transcribed from
 * the schema in the resolver's own file), made a `SpecialResolver` for the registry (`index.ts`).
 */
import type { GraphQLContext } from '../context.js';
import type { SpecialResolver } from './index.js';

export function typedResolver<A>(resolve: (parent: unknown, args: A, ctx: GraphQLContext) => unknown): SpecialResolver {
  // The one place the arguments are read as `A`: graphql-js coerces them against the field's
  // argument types before it calls a resolver, so the shape holds when it runs.
  return (parent, args, ctx) => resolve(parent, args as A, ctx);
}

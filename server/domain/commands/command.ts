/**
 * A domain command: what one mutation of the domain API does, apart from the transport that
 * asked for it. The GraphQL resolvers, the engine's `mutate` effect, batches and seeds all run
 * mutations through commands (`run-command.ts`), so a mutation behaves the same from every caller.
 */
import type { Actor, Domain } from '../domain.js';

/** `args` are the mutation's arguments, already coerced to the schema's input types. */
export type Command = (domain: Domain, args: Record<string, unknown>, actor: Actor | undefined) => unknown;

/**
 * A command written against the shape of its mutation's arguments (`A`, transcribed from the
 * schema's input types in the command's own file), made a `Command`. `runCommand` and the
 * GraphQL API run a command only on arguments checked and coerced against those input types
 * (`coerce-arguments.ts`, graphql-js's own coercion), so the shape holds when it runs.
 */
export function typedCommand<A>(run: (domain: Domain, args: A, actor: Actor | undefined) => unknown): Command {
  // The one place the coerced arguments are read as `A`: the schema check above is what guarantees it.
  return (domain, args, actor) => run(domain, args as A, actor);
}

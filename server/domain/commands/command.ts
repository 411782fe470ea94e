/**
 * A domain command: what one mutation of the domain API does, apart from the transport that
 * asked for it. The GraphQL resolvers, the engine's `mutate` effect, batches and seeds all run
 * mutations through commands (`run-command.ts`), so a mutation behaves the same from every caller.
 */
import type { Actor, Domain } from '../domain.js';

/** `args` are the mutation's arguments, already coerced to the schema's input types. */
export type Command = (domain: Domain, args: Record<string, unknown>, actor: Actor | undefined) => unknown;

/**
 * Root fields that fit none of the generic conventions, by `Root.field`. Each lives in its own
 * file named after the field.
 */
import type { GraphQLContext } from '../context.js';

export type SpecialResolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

export const SPECIAL_RESOLVERS: Readonly<Record<string, SpecialResolver>> = {};

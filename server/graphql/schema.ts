/**
 * Loads the committed SDL (`schema/fluent.graphql`, generated from the reference introspection)
 * and attaches the generated resolvers. Nothing reads `../shared` at run time.
 */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createModel, type Model } from '../domain/model.js';
import { packagePath } from '../lib/package-path.js';
import type { FieldClass } from './field-kinds.js';
import { buildResolvers } from './resolvers.js';


export type LoadedSchema = { sdl: string; model: Model; executable: GraphQLSchema; classes: Map<string, FieldClass> };

export function loadSchema(): LoadedSchema {
  const sdl = readFileSync(packagePath('schema/fluent.graphql'), 'utf8');
  const model = createModel(buildSchema(sdl));
  const { resolvers, classes } = buildResolvers(model);
  const executable = makeExecutableSchema({ typeDefs: sdl, resolvers: resolvers as never, resolverValidationOptions: { requireResolversToMatchSchema: 'error' } });
  return { sdl, model: { ...model, schema: executable }, executable, classes };
}

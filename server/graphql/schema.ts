/**
 * Loads the committed SDL (`schema/fluent.graphql`, generated from the reference introspection)
 * and attaches the generated resolvers. Nothing reads `../shared` at run time.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { attachResolvers } from './attach-resolvers.js';
import { createModel, type Model } from '../domain/model.js';
import { packagePath } from '../lib/package-path.js';
import type { FieldClass } from '../domain/field-kinds.js';
import { buildResolvers } from './resolvers.js';

export type LoadedSchema = { sdl: string; model: Model; executable: GraphQLSchema; classes: Map<string, FieldClass> };

export function loadSchema(): LoadedSchema {
  const sdl = readFileSync(packagePath('schema/fluent.graphql'), 'utf8');
  // The SDL is generated from a valid introspection and checked by a test; skipping SDL
  // validation halves start-up time (`npm run bench`).
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const model = createModel(schema);
  const { resolvers, classes } = buildResolvers(model);
  attachResolvers(schema, resolvers);
  return { sdl, model, executable: schema, classes };
}

/**
 * Loads the committed SDL (`schema/fluent.graphql`, generated from the reference introspection)
 * and attaches the generated resolvers. Nothing reads `../shared` at run time.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildASTSchema, type GraphQLSchema } from 'graphql';
import { attachResolvers } from './attach-resolvers.js';
import { createModel, type Model } from '../domain/model.js';
import { packagePath } from '../lib/package-path.js';
import type { FieldClass } from '../domain/field-kinds.js';
import { buildResolvers } from './resolvers.js';
import { SCHEMA_ARTIFACT, schemaDocument } from './schema-document.js';

export type LoadedSchema = {
  sdl: string;
  model: Model;
  /**
   * The schema with its resolvers. They are built and attached on the first call (the first
   * GraphQL request), not at start: the domain reads the schema's types, never its resolvers.
   */
  executable(): GraphQLSchema;
  /** How each root field is resolved (built with the resolvers). */
  classes(): Map<string, FieldClass>;
};

export function loadSchema(): LoadedSchema {
  const sdlPath = packagePath('schema/fluent.graphql');
  const sdl = readFileSync(sdlPath, 'utf8');
  const document = schemaDocument(sdl, join(dirname(dirname(sdlPath)), SCHEMA_ARTIFACT));
  // The SDL is generated from a valid introspection and checked by a test; skipping SDL
  // validation halves start-up time (`npm run bench`).
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const model = createModel(schema);
  let classes: Map<string, FieldClass> | undefined;
  const withResolvers = (): Map<string, FieldClass> => {
    if (classes) return classes;
    const built = buildResolvers(model);
    attachResolvers(schema, built.resolvers);
    classes = built.classes;
    return classes;
  };
  return {
    sdl,
    model,
    executable: () => {
      withResolvers();
      return schema;
    },
    classes: withResolvers,
  };
}

/**
 * Loads the committed SDL (`schema/fluent.graphql`, generated from the reference introspection)
 * as a table of types (schema-table.ts), the model and GraphQL types over it (schema-types.ts),
 * and the resolvers, attached on first use. Nothing reads `../shared` at run time.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { attachResolvers } from './attach-resolvers.js';
import { createModel, type Model } from '../domain/model.js';
import { packagePath } from '../lib/package-path.js';
import type { FieldClass } from '../domain/field-kinds.js';
import { buildResolvers } from './resolvers.js';
import { SCHEMA_ARTIFACT, schemaTable } from '../domain/schema-table.js';
import { schemaTypes } from '../domain/schema-types.js';

export type LoadedSchema = {
  sdl: string;
  model: Model;
  /**
   * The schema with its resolvers. It is built, and they are attached, on the first call (the
   * first GraphQL request), not at start: the domain reads the schema's types, never its resolvers.
   */
  executable(): GraphQLSchema;
  /** How each root field is resolved (built with the resolvers). */
  classes(): Map<string, FieldClass>;
};

export function loadSchema(): LoadedSchema {
  const sdlPath = packagePath('schema/fluent.graphql');
  const sdl = readFileSync(sdlPath, 'utf8');
  const table = schemaTable(sdl, join(dirname(dirname(sdlPath)), SCHEMA_ARTIFACT));
  const model = createModel(table, schemaTypes(table));
  let classes: Map<string, FieldClass> | undefined;
  const withResolvers = (): Map<string, FieldClass> => {
    if (classes) return classes;
    const built = buildResolvers(model);
    attachResolvers(model.schema, built.resolvers);
    classes = built.classes;
    return classes;
  };
  return {
    sdl,
    model,
    executable: () => {
      withResolvers();
      return model.schema;
    },
    classes: withResolvers,
  };
}

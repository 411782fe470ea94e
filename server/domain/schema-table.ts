/**
 * The SDL as a table: every named type with its interfaces, fields, arguments and enum values as
 * plain data, type references in SDL notation (`[OrderItem!]!`). `npm run build` writes it to
 * `dist/server/fluent-schema.table.json` with a digest of the SDL it came from, and a start reads
 * it when the digest matches the SDL being loaded, else parses the SDL into it (issue 17,
 * docs/decisions.md). Its JSON is a quarter of the parsed document's, and the types built from
 * it (schema-types.ts) build their fields on first use.
 *
 * Only what `schema/fluent.graphql` uses is supported; anything else (descriptions, default
 * values, unions, other directives, schema definitions, extensions) is refused, so a new SDL
 * cannot silently lose it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  type ConstDirectiveNode,
  DEFAULT_DEPRECATION_REASON,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  type TypeNode,
} from 'graphql';
import { isRecord } from '../lib/guards.js';

/** Where the artifact sits, relative to the package root. */
export const SCHEMA_ARTIFACT = 'dist/server/fluent-schema.table.json';

export type TableArg = { name: string; type: string };
export type TableField = { name: string; type: string; args?: TableArg[]; deprecated?: string };
export type TableType =
  | { kind: 'scalar'; name: string }
  | { kind: 'enum'; name: string; values: string[] }
  | { kind: 'object' | 'interface'; name: string; interfaces: string[]; fields: TableField[] }
  | { kind: 'input'; name: string; fields: TableArg[] };

/** The named types in SDL order. */
export type SchemaTable = TableType[];

/** The named type of a type reference: `[OrderItem!]!` → `OrderItem`. */
export const namedTypeOf = (ref: string): string => ref.replace(/[[\]!]/g, '');

/** Whether a type reference is non-null: `ID!`, `[OrderItem]!`. */
export const isNonNullRef = (ref: string): boolean => ref.endsWith('!');

const digestOf = (sdl: string): string => createHash('sha256').update(sdl).digest('base64url');

/** The artifact's text for an SDL (`scripts/bundle.mjs` writes it). */
export function schemaArtifact(sdl: string): string {
  return JSON.stringify({ sdl: digestOf(sdl), types: schemaTableOf(parse(sdl, { noLocation: true })) });
}

/** The SDL's table: from the artifact at `artifactPath` if it was made from this SDL, else parsed. */
export function schemaTable(sdl: string, artifactPath: string): SchemaTable {
  if (existsSync(artifactPath)) {
    const artifact: unknown = JSON.parse(readFileSync(artifactPath, 'utf8'));
    // Written by schemaArtifact from this very SDL (the digest matches): schemaTableOf's output.
    if (isRecord(artifact) && artifact['sdl'] === digestOf(sdl) && Array.isArray(artifact['types'])) return artifact['types'] as SchemaTable;
  }
  return schemaTableOf(parse(sdl, { noLocation: true }));
}

/** @throws Error for a construct the table does not carry (see the module comment). */
export function schemaTableOf(document: DocumentNode): SchemaTable {
  return document.definitions.map((definition): TableType => {
    const refuse = (what: string): never => {
      const name = 'name' in definition && definition.name ? ` ${definition.name.value}` : '';
      throw new Error(`${definition.kind}${name}: ${what} is not supported by server/domain/schema-table.ts`);
    };
    if ('description' in definition && definition.description) refuse('a description');
    if ('directives' in definition && definition.directives?.length) refuse('a directive');
    switch (definition.kind) {
      case Kind.SCALAR_TYPE_DEFINITION:
        return { kind: 'scalar', name: definition.name.value };
      case Kind.ENUM_TYPE_DEFINITION:
        return {
          kind: 'enum',
          name: definition.name.value,
          values: (definition.values ?? []).map((value) => {
            if (value.description || value.directives?.length) refuse('a described or directed enum value');
            return value.name.value;
          }),
        };
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        return {
          kind: definition.kind === Kind.OBJECT_TYPE_DEFINITION ? 'object' : 'interface',
          name: definition.name.value,
          interfaces: (definition.interfaces ?? []).map((i) => i.name.value),
          fields: (definition.fields ?? []).map((field) => tableField(field, refuse)),
        };
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        return { kind: 'input', name: definition.name.value, fields: (definition.fields ?? []).map((field) => tableArg(field, refuse)) };
      default:
        return refuse('this definition');
    }
  });
}

function tableField(field: FieldDefinitionNode, refuse: (what: string) => never): TableField {
  if (field.description) refuse(`a description on ${field.name.value}`);
  const row: TableField = { name: field.name.value, type: typeRef(field.type) };
  if (field.arguments?.length) row.args = field.arguments.map((arg) => tableArg(arg, refuse));
  const deprecated = deprecationOf(field.directives ?? [], refuse);
  if (deprecated !== undefined) row.deprecated = deprecated;
  return row;
}

function tableArg(arg: InputValueDefinitionNode, refuse: (what: string) => never): TableArg {
  if (arg.description || arg.defaultValue || arg.directives?.length) refuse(`a description, default value or directive on ${arg.name.value}`);
  return { name: arg.name.value, type: typeRef(arg.type) };
}

/** `@deprecated` (its reason, or graphql's default one); any other directive is refused. */
function deprecationOf(directives: readonly ConstDirectiveNode[], refuse: (what: string) => never): string | undefined {
  let reason: string | undefined;
  for (const directive of directives) {
    if (directive.name.value !== 'deprecated') refuse(`the directive @${directive.name.value}`);
    const given = directive.arguments?.find((arg) => arg.name.value === 'reason')?.value;
    if (given && given.kind !== Kind.STRING) refuse('a deprecation reason that is not a string');
    reason = given?.kind === Kind.STRING ? given.value : DEFAULT_DEPRECATION_REASON;
  }
  return reason;
}

/** SDL notation: `ID!`, `[OrderItem!]`. */
function typeRef(type: TypeNode): string {
  if (type.kind === Kind.NON_NULL_TYPE) return `${typeRef(type.type)}!`;
  if (type.kind === Kind.LIST_TYPE) return `[${typeRef(type.type)}]`;
  return type.name.value;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaArtifact, schemaTable, schemaTableOf } from '../../server/domain/schema-table.js';

/** The table of types `npm run build` writes: used only when it was made from the SDL loaded. */
describe('schemaTable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sdl = 'type Query { order(id: ID!, ref: String): Order }\ntype Order { id: ID! ref: String status: String lines: [String!]! }\n';
  const artifact = join(dir, 'table.json');
  const table = schemaTableOf(parse(sdl));

  it('is the SDL as data: kinds, fields, arguments and type references in SDL notation', () => {
    expect(table).toEqual([
      {
        kind: 'object',
        name: 'Query',
        interfaces: [],
        fields: [
          {
            name: 'order',
            type: 'Order',
            args: [
              { name: 'id', type: 'ID!' },
              { name: 'ref', type: 'String' },
            ],
          },
        ],
      },
      {
        kind: 'object',
        name: 'Order',
        interfaces: [],
        fields: [
          { name: 'id', type: 'ID!' },
          { name: 'ref', type: 'String' },
          { name: 'status', type: 'String' },
          { name: 'lines', type: '[String!]!' },
        ],
      },
    ]);
  });

  it('reads the artifact made from the same SDL', () => {
    writeFileSync(artifact, schemaArtifact(sdl));
    expect(schemaTable(sdl, artifact)).toEqual(table);
  });

  it('parses the SDL when the artifact was made from another SDL, is missing or is not one', () => {
    writeFileSync(artifact, schemaArtifact(sdl));
    const changed = sdl.replace('status: String', 'status: String type: String');
    expect(JSON.stringify(schemaTable(changed, artifact))).toContain('"name":"type"');
    expect(schemaTable(sdl, join(dir, 'missing.json'))).toEqual(table);
    writeFileSync(artifact, JSON.stringify({ sdl: 'x', types: null }));
    expect(schemaTable(sdl, artifact)).toEqual(table);
  });

  it('keeps @deprecated with its reason, or graphql-js’s default one', () => {
    const [row] = schemaTableOf(parse('type Query { a: String @deprecated b: Int @deprecated(reason: "use c") c: Int }'));
    expect(row).toMatchObject({ fields: [{ name: 'a', deprecated: 'No longer supported' }, { name: 'b', deprecated: 'use c' }, { name: 'c' }] });
  });

  it('refuses what it does not carry, so a new SDL cannot silently lose it', () => {
    for (const refused of [
      '"described" type Query { a: String }',
      'type Query { "described" a: String }',
      'type Query { a(first: Int = 10): String }',
      'type Query { a: String @other }',
      'union U = Query',
      'extend type Query { b: String }',
      'directive @other on FIELD_DEFINITION',
      'schema { query: Query }',
      'enum E { A @deprecated }',
    ]) {
      expect(() => schemaTableOf(parse(refused)), refused).toThrow(/not supported by server\/domain\/schema-table\.ts/);
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, parse, printSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaArtifact, schemaDocument } from '../../server/graphql/schema-document.js';

/** The parsed-SDL artifact `npm run build` writes: used only when it was made from the SDL loaded. */
describe('schemaDocument', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sdl = 'type Query { order(id: ID!): Order }\ntype Order { id: ID! ref: String status: String }\n';
  const artifact = join(dir, 'ast.json');

  it('reads the artifact made from the same SDL, and the schema built from it is the same', () => {
    writeFileSync(artifact, schemaArtifact(sdl));
    const document = schemaDocument(sdl, artifact);
    expect(document).toEqual(parse(sdl, { noLocation: true }));
    expect(printSchema(buildASTSchema(document))).toBe(printSchema(buildASTSchema(parse(sdl))));
  });

  it('parses the SDL when the artifact was made from another SDL', () => {
    writeFileSync(artifact, schemaArtifact(sdl));
    const changed = sdl.replace('status: String', 'status: String type: String');
    expect(printSchema(buildASTSchema(schemaDocument(changed, artifact)))).toContain('type: String');
  });

  it('parses the SDL when there is no artifact, or it is not one', () => {
    expect(schemaDocument(sdl, join(dir, 'missing.json'))).toEqual(parse(sdl, { noLocation: true }));
    writeFileSync(artifact, JSON.stringify({ sdl: 'x', document: null }));
    expect(schemaDocument(sdl, artifact)).toEqual(parse(sdl, { noLocation: true }));
  });
});

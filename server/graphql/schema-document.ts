/**
 * The parsed SDL, read from the artifact `npm run build` writes into the package
 * (`dist/server/fluent-schema.ast.json`: the document without locations, and a digest of the SDL
 * it came from) when that artifact matches the SDL being loaded, else parsed here. Reading it
 * costs ~10 ms of CPU where parsing the 4,200-line SDL costs ~45–60 ms, every start (issue 17,
 * docs/decisions.md); the schema built from either is the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type DocumentNode, Kind, parse } from 'graphql';
import { isRecord } from '../lib/guards.js';

/** Where the artifact sits, relative to the package root. */
export const SCHEMA_ARTIFACT = 'dist/server/fluent-schema.ast.json';

const digestOf = (sdl: string): string => createHash('sha256').update(sdl).digest('base64url');

/** The artifact's text for an SDL (`scripts/bundle.mjs` writes it). */
export function schemaArtifact(sdl: string): string {
  return JSON.stringify({ sdl: digestOf(sdl), document: parse(sdl, { noLocation: true }) });
}

/** The SDL's document: from the artifact at `artifactPath` if it was made from this SDL, else parsed. */
export function schemaDocument(sdl: string, artifactPath: string): DocumentNode {
  if (existsSync(artifactPath)) {
    const artifact: unknown = JSON.parse(readFileSync(artifactPath, 'utf8'));
    const document = isRecord(artifact) && artifact['sdl'] === digestOf(sdl) ? artifact['document'] : undefined;
    // Written by schemaArtifact from this very SDL (the digest matches): graphql's own parse output.
    if (isRecord(document) && document['kind'] === Kind.DOCUMENT) return document as unknown as DocumentNode;
  }
  return parse(sdl, { noLocation: true });
}

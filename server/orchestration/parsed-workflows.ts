/**
 * The bundled workflows (`rulesets/`) as `parseWorkflow` returns them, keyed by a digest of their
 * text: `npm run build` writes them (`dist/server/parsed-workflows.json`), and loading a workflow
 * file whose text has an entry uses it instead of validating the file again with zod (issue 17;
 * 11 of the 12 ms a start spent on the twelve files). Any other text, and any file when the
 * artifact is missing, is parsed as before; an entry is only written for a workflow that survives
 * JSON as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildArtifact } from '../lib/build-artifact.js';
import { isRecord } from '../lib/guards.js';
import { parseWorkflow, type Workflow } from './workflow.js';

/** Where the artifact sits, relative to the package root. */
export const PARSED_WORKFLOWS_ARTIFACT = 'dist/server/parsed-workflows.json';

const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

export type WorkflowFileParser = (text: string, source: string) => Workflow;

/**
 * `parseWorkflow` of a workflow file's text, from the artifact at `artifactPath` (read on first
 * use) when it was made from that very text. Each call returns objects of its own.
 */
export function workflowFileParser(artifactPath: string): WorkflowFileParser {
  /** maps digest → the parsed workflow's JSON, parsed again on each use */
  let entries: Map<string, string> | undefined;
  const read = (): Map<string, string> => {
    entries = new Map();
    if (!existsSync(artifactPath)) return entries;
    const artifact: unknown = JSON.parse(readFileSync(artifactPath, 'utf8'));
    if (isRecord(artifact)) for (const [digest, json] of Object.entries(artifact)) if (typeof json === 'string') entries.set(digest, json);
    return entries;
  };
  return (text, source) => {
    const json = (entries ?? read()).get(digestOf(text));
    // Written by parsedWorkflowsArtifact: parseWorkflow's output for this very text.
    return json === undefined ? parseWorkflow(text, source) : (JSON.parse(json) as Workflow);
  };
}

/** The parser of the running build's artifact (none when run from the sources). */
export const parseWorkflowFile: WorkflowFileParser = workflowFileParser(buildArtifact('parsed-workflows.json'));

/** The artifact's text for the workflow files of a folder (`scripts/bundle.mjs` writes it for `rulesets/`). */
export function parsedWorkflowsArtifact(dir: string): string {
  const entries: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => extname(f) === '.json')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const workflow = parseWorkflow(text, file);
    const json = JSON.stringify(workflow);
    if (isDeepStrictEqual(JSON.parse(json), workflow)) entries[digestOf(text)] = json;
  }
  return JSON.stringify(entries);
}

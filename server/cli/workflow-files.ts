/**
 * Reads exported workflows for the offline commands (`workflow check`, `rules scaffold`): one
 * JSON file or every `*.json` in a folder, with deploy placeholders (`{{fluent.account.plugin.v2.prefix}}`,
 * `{{retailer_id}}`) substituted from a vars file first, as deploy scripts do before
 * `PUT /api/v4.1/workflow` (real-world-usage.md "Workflows as customers really write them").
 *
 * A vars file is a JSON object (nested objects flatten to dotted keys) or `key=value` lines
 * (`#` comments), the two forms deploy pipelines keep them in [inferred]. Placeholders with no
 * value are left as they are (and reported by `workflow check`).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SimError } from '../domain/errors.js';
import { errorMessage } from '../lib/guards.js';

export type Vars = Record<string, string>;
export type WorkflowFile = { source: string; text: string };

function flatten(value: unknown, prefix: string, out: Vars): Vars {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** Parses a vars file's text: JSON object, or `key=value` lines. */
export function parseVars(text: string, source: string): Vars {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return flatten(JSON.parse(trimmed), '', {});
    } catch (error) {
      throw new SimError('CONFIG_INVALID', `--vars ${source}: not valid JSON (${errorMessage(error)})`);
    }
  }
  const vars: Vars = {};
  trimmed.split(/\r?\n/).forEach((line, index) => {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    const eq = content.indexOf('=');
    if (eq <= 0) throw new SimError('CONFIG_INVALID', `--vars ${source}:${index + 1}: expected key=value, got "${content}"`);
    vars[content.slice(0, eq).trim()] = content.slice(eq + 1).trim();
  });
  return vars;
}

/** `{{ key }}` → its value (escaped for a JSON string); unknown keys stay. */
export function substituteVars(text: string, vars: Vars): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (match, key: string) => {
    const value = vars[key];
    return value === undefined ? match : JSON.stringify(value).slice(1, -1);
  });
}

/** Placeholders left in a text after substitution, distinct, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((match) => match[1] ?? ''))];
}

export async function readVars(path: string | undefined): Promise<Vars> {
  if (path === undefined) return {};
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new SimError('CONFIG_INVALID', `--vars ${path} cannot be read: ${errorMessage(error)}`);
  });
  return parseVars(text, path);
}

/** The workflow files at `path` (a file, or a folder's `*.json` in name order), vars substituted. */
export async function readWorkflowFiles(path: string, vars: Vars): Promise<WorkflowFile[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SimError('CONFIG_INVALID', `${path}: no such file or folder`);
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((file) => extname(file) === '.json')
        .sort()
        .map((file) => ({ full: join(path, file), source: `${basename(path)}/${file}` }))
    : [{ full: path, source: basename(path) }];
  if (files.length === 0) throw new SimError('CONFIG_INVALID', `${path}: no .json workflow files`);
  return Promise.all(files.map(async ({ full, source }) => ({ source, text: substituteVars(await readFile(full, 'utf8'), vars) })));
}

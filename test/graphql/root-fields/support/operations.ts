/**
 * Reads a test file's GraphQL operations statically: every template literal that parses as a
 * GraphQL document counts, and the root fields it selects are collected per operation type. The
 * completeness test uses this to check that a file really executes each field it claims.
 */
import { readFileSync } from 'node:fs';
import { type DocumentNode, Kind, parse } from 'graphql';

export type RootFieldUse = { Query: Set<string>; Mutation: Set<string> };

/** Template literals of a source file (no nesting of backticks inside `${…}` is expected). */
function templateLiterals(source: string): string[] {
  const out: string[] = [];
  const re = /`((?:[^`\\]|\\.)*)`/gs;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]!);
  return out;
}

function tryParse(text: string): DocumentNode | undefined {
  const trimmed = text.trim();
  if (!/^(query|mutation|\{)/.test(trimmed)) return undefined;
  try {
    return parse(trimmed.replace(/\$\{[^}]*\}/g, '__typename'));
  } catch {
    return undefined;
  }
}

export function rootFieldsUsedIn(path: string): RootFieldUse {
  const use: RootFieldUse = { Query: new Set(), Mutation: new Set() };
  for (const literal of templateLiterals(readFileSync(path, 'utf8'))) {
    const doc = tryParse(literal);
    if (!doc) continue;
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || def.operation === 'subscription') continue;
      const root = def.operation === 'query' ? use.Query : use.Mutation;
      for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) root.add(sel.name.value);
    }
  }
  return use;
}

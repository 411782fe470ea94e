/**
 * Every `as` cast (and `<T>x` assertion; `as const` is not a cast) in the folders the cast pass
 * has cleaned is justified by a comment on its line or the line above, or is replaced by a type
 * guard (`server/lib/guards.ts`). The linter has no such rule (docs/decisions.md, "Biome"), so
 * this test parses the sources with oxc (rolldown's parser) and fails on a new cast without one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../server/lib/package-path.js';

/** Folders (and files) of `server/` held to the rule; the others are still to be cleaned. */
const CLEANED = [
  'domain',
  'webhooks',
  'persistence',
  'state',
  'lib',
  'auth',
  'cli',
  'console',
  'faults',
  'plugins',
  'orchestration',
  'account.ts',
  'simulator.ts',
  'config.ts',
  'legacy',
  'pull',
  'testing.ts',
  'graphql',
];
/** Inside the cleaned folders, still to be cleaned. */
const NOT_YET: string[] = [];

type Node = { type?: string; start: number; end: number; typeAnnotation?: Node; typeName?: { name?: string } };

function sourceFiles(path: string): string[] {
  if (NOT_YET.some((skip) => path === packagePath(`server/${skip}`))) return [];
  if (!statSync(path).isDirectory()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

/** `file:line: as type` of each cast in `text` with no comment on its line or the line above. */
function unjustifiedCasts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const parsed = parseSync(file, text, { lang: 'ts' });
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const commented = new Set<number>();
  for (const comment of parsed.comments) for (let line = lineOf(comment.start); line <= lineOf(comment.end); line += 1) commented.add(line);
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Node; // an oxc AST node (ESTree-shaped JSON)
    if ((node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion') && node.typeAnnotation?.typeName?.name !== 'const') {
      const first = lineOf(node.start);
      const justified = [first - 1, first, lineOf(node.typeAnnotation!.start)].some((line) => commented.has(line));
      if (!justified) found.push(`${relative(packagePath('.'), file)}:${first}: as ${text.slice(node.typeAnnotation!.start, node.typeAnnotation!.end)}`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
  };
  visit(parsed.program);
  return found;
}

describe('type casts', () => {
  it('every cast in the cleaned folders is commented or replaced by a type guard', () => {
    const files = CLEANED.flatMap((path) => sourceFiles(packagePath(`server/${path}`)));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => unjustifiedCasts(file))).toEqual([]);
  });

  it('finds an uncommented cast, and accepts one commented on its line or the line above', () => {
    const source = [
      'const a = JSON.parse("1") as number;',
      '// why: a number was just written',
      'const b = JSON.parse("2") as number;',
      'const c = JSON.parse("3") as number; // why',
      'const d = [1] as const;',
      'const e = <string>JSON.parse("4");',
    ].join('\n');
    expect(unjustifiedCasts(join(packagePath('.'), 'probe.ts'), source)).toEqual(['probe.ts:1: as number', 'probe.ts:6: as string']);
  });
});

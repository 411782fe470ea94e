import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorSpec } from '../../server/domain/errors.js';
import { FLAGS, envName } from '../../server/cli.js';
import { ruleModule } from '../../server/orchestration/rule-module.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';

/** The tables of the README and docs/ are documentation users rely on: they must match the code. */
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const README = read('README.md');

function tableAfter(heading: string, doc = README): string[][] {
  const start = doc.indexOf(heading);
  expect(start, `the doc has "${heading}"`).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const code = (cell: string): string => cell.replace(/`/g, '');

describe('README and docs/', () => {
  it('lists every error of the catalogue with its status and codes, and nothing else', () => {
    const rows = tableAfter("The simulator's catalogue");
    const documented = Object.fromEntries(rows.map((r) => [code(r[0]!), r]));
    expect(Object.keys(documented).sort()).toEqual(Object.keys(ERROR_CATALOG).sort());
    for (const [key, spec] of Object.entries(ERROR_CATALOG) as [string, ErrorSpec][]) {
      const row = documented[key]!;
      expect([Number(row[1]), code(row[2]!), code(row[3]!)], key).toEqual([spec.http, spec.restCode, spec.gqlCode ?? '—']);
    }
  });

  it('documents every built-in rule with its aliases, module and what is inferred', () => {
    const rows = tableAfter('## Rules', read('docs/orchestration.md'));
    const documented = new Map(rows.map((r) => [code(r[0]!), r]));
    expect([...documented.keys()].sort()).toEqual(BUILTIN_RULES.map((r) => r.name).sort());
    for (const rule of BUILTIN_RULES) {
      const row = documented.get(rule.name)!;
      const aliases =
        row[1] === '—'
          ? []
          : code(row[1]!)
              .split(',')
              .map((a) => a.trim());
      expect(aliases.sort(), rule.name).toEqual([...(rule.aliases ?? [])].sort());
      expect(ruleModule(rule.name), rule.name).toContain(row[2]);
      expect(row[4]!.includes('[inferred'), `${rule.name} [inferred]`).toBe(rule.inferred !== undefined);
    }
  });

  it('documents every command-line flag with its environment variable', () => {
    const rows = tableAfter('## Configuration');
    const documented = new Map(rows.map((r) => [code(r[0]!).split(' ')[0], code(r[1]!)]));
    for (const f of FLAGS) expect(documented.get(`--${f.flag}`), f.flag).toBe(envName(f.flag));
    expect(documented.size).toBe(FLAGS.length);
  });

  it('links every file of docs/ from its map, and every link to docs/ exists', () => {
    const docs = readdirSync(new URL('../../docs/', import.meta.url)).filter((f) => f.endsWith('.md'));
    const linked = [...README.matchAll(/\]\(docs\/([^)#]+)/g)].map((m) => m[1]!);
    expect([...new Set(linked)].filter((f) => !docs.includes(f))).toEqual([]);
    expect(docs.filter((f) => !linked.includes(f))).toEqual([]);
  });

  it('starts with the two commands a fresh machine needs', () => {
    const top = README.split('\n').slice(0, 8).join('\n');
    expect(top).toContain('npx fluent-sim');
    expect(top).toContain('npm test');
  });
});

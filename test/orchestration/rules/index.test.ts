import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../server/orchestration/rules/index.js';

const RULES_DIR = fileURLToPath(new URL('../../../server/orchestration/rules/', import.meta.url));
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const kebab = (ruleName: string): string => (ruleName.split('.').at(-1) ?? '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

describe('BUILTIN_RULES', () => {
  it.each(ruleFiles)('includes the rule exported by %s, named after the file', async (file) => {
    const exported = Object.values(await import(`${RULES_DIR}${file}`));
    expect(exported).toHaveLength(1);
    expect(BUILTIN_RULES).toContain(exported[0]);
    expect(`${kebab((exported[0] as { name: string }).name)}.ts`).toBe(file);
  });

  it('has one file per rule', () => {
    expect(BUILTIN_RULES).toHaveLength(ruleFiles.length);
  });

  it('uses every name and alias once, as namespace.Rule without an account prefix', () => {
    const keys = BUILTIN_RULES.flatMap((rule) => [rule.name, ...(rule.aliases ?? [])]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/);
  });

  it.each(BUILTIN_RULES.map((rule) => [rule.name, rule.description] as const))('describes %s in one line', (_name, description) => {
    expect(description).toMatch(/^[^\n]{10,160}$/);
  });
});

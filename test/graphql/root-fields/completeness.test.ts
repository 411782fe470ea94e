/**
 * The root-field acceptance suite covers the whole API: the fields listed in the coverage table
 * are exactly the served schema's Query and Mutation fields (so a field cannot be forgotten, and
 * a field that leaves the schema cannot linger), each is listed once, and the file listing it
 * really runs an operation selecting it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { COVERAGE } from './support/coverage.js';
import { rootFieldsUsedIn } from './support/operations.js';

const ROOTS = ['Query', 'Mutation'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('root-field coverage', () => {
  it('the schema has the 128 Query and 104 Mutation fields of Fluent 23.10.1', () => {
    expect(Object.keys(t.sim.schema.getQueryType()!.getFields())).toHaveLength(128);
    expect(Object.keys(t.sim.schema.getMutationType()!.getFields())).toHaveLength(104);
  });

  for (const root of ROOTS) {
    it(`the covered ${root} fields are exactly the schema's, each covered once`, () => {
      const type = root === 'Query' ? t.sim.schema.getQueryType()! : t.sim.schema.getMutationType()!;
      const inSchema = Object.keys(type.getFields()).sort();
      const covered = Object.values(COVERAGE).flatMap((c) => c[root]);
      const duplicates = covered.filter((name, i) => covered.indexOf(name) !== i);
      expect(duplicates, 'fields listed under more than one file').toEqual([]);
      expect(
        inSchema.filter((n) => !covered.includes(n)),
        `${root} fields without cases`,
      ).toEqual([]);
      expect(
        covered.filter((n) => !inSchema.includes(n)),
        `covered ${root} fields not in the schema`,
      ).toEqual([]);
      expect([...covered].sort()).toEqual(inSchema);
    });
  }

  for (const [file, fields] of Object.entries(COVERAGE)) {
    it(`${file} runs every field it covers`, () => {
      const path = fileURLToPath(new URL(file, import.meta.url));
      expect(existsSync(path), `${file} exists`).toBe(true);
      const used = rootFieldsUsedIn(path);
      for (const root of ROOTS) {
        expect(
          fields[root].filter((f) => !used[root].has(f)),
          `${root} fields ${file} claims but never selects`,
        ).toEqual([]);
      }
    });
  }
});

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPECIAL_COMMANDS } from '../../../server/domain/commands/index.js';
import { loadSchema } from '../../../server/graphql/schema.js';
import { SPECIAL_RESOLVERS } from '../../../server/graphql/special/index.js';
import { packagePath } from '../../../server/lib/package-path.js';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('special resolver registry', () => {
  const loaded = loadSchema();
  const { model } = loaded;
  const classes = loaded.classes();

  it('has an implementation for every root field no convention serves', () => {
    const special = [...classes].filter(([, cls]) => cls.kind === 'special').map(([name]) => name);
    expect(special.filter((name) => !(name in SPECIAL_RESOLVERS) && !(name.replace(/^Mutation\./, '') in SPECIAL_COMMANDS))).toEqual([]);
  });

  it('serves queries by resolvers and mutations by domain commands', () => {
    expect(Object.keys(SPECIAL_RESOLVERS).filter((key) => !key.startsWith('Query.'))).toEqual([]);
    const mutations = model.schema.getMutationType()!.getFields();
    expect(Object.keys(SPECIAL_COMMANDS).filter((name) => !mutations[name])).toEqual([]);
  });

  it('names only real root fields', () => {
    const roots = { Query: model.schema.getQueryType()!, Mutation: model.schema.getMutationType()! };
    const unknown = Object.keys(SPECIAL_RESOLVERS).filter((key) => {
      const [root, field] = key.split('.') as ['Query' | 'Mutation', string];
      return !roots[root]?.getFields()[field];
    });
    expect(unknown).toEqual([]);
  });

  it('keeps each resolver in a file named after its field', () => {
    const files = new Set(readdirSync(packagePath('server/graphql/special')));
    const missing = Object.keys(SPECIAL_RESOLVERS)
      .map((key) => `${kebab(key.split('.')[1]!)}.ts`)
      .filter((f) => !files.has(f));
    expect(missing).toEqual([]);
    const commands = new Set(readdirSync(packagePath('server/domain/commands')));
    expect(
      Object.keys(SPECIAL_COMMANDS)
        .map((name) => `${kebab(name)}.ts`)
        .filter((f) => !commands.has(f)),
    ).toEqual([]);
  });
});

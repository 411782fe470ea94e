import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The served schema must be Fluent's, name for name (design §2 principle 1). The reference is
 * the introspection of Fluent 23.10.1 from openmindlab/fluent-dts (MIT), kept in test/fixtures.
 */
type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type Introspected = {
  kind: string;
  name: string;
  fields: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef; isDeprecated: boolean }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  interfaces: { name: string }[] | null;
  enumValues: { name: string }[] | null;
  possibleTypes: { name: string }[] | null;
};

const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);

function normalise(types: Introspected[]): Record<string, unknown> {
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
  // The `__*` introspection types belong to the GraphQL implementation, not to Fluent's schema.
  return Object.fromEntries(
    types
      .filter((t) => !t.name.startsWith('__'))
      .map((t) => [
        t.name,
        {
          kind: t.kind,
          fields:
            t.fields
              ?.map((f) => ({
                name: f.name,
                type: typeString(f.type),
                deprecated: f.isDeprecated,
                args: f.args.map((a) => `${a.name}: ${typeString(a.type)}`),
              }))
              .sort(byName) ?? null,
          inputFields: t.inputFields?.map((f) => `${f.name}: ${typeString(f.type)}`).sort() ?? null,
          // Older introspection reports `interfaces: null` on interface types, graphql-js 16 `[]`.
          interfaces: t.interfaces?.length ? t.interfaces.map((i) => i.name).sort() : null,
          enumValues: t.enumValues?.map((v) => v.name).sort() ?? null,
          possibleTypes: t.possibleTypes?.map((p) => p.name).sort() ?? null,
        },
      ]),
  );
}

describe('GraphQL schema', () => {
  let t: TestApp;
  let served: Record<string, unknown>;
  const reference = JSON.parse(readFileSync(new URL('../fixtures/fluent-schema-23.10.1.json', import.meta.url), 'utf8')) as {
    data: { __schema: { types: Introspected[] } };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({ query: getIntrospectionQuery({ inputValueDeprecation: false }) });
    expect(res.status).toBe(200);
    served = normalise(res.body.data.__schema.types);
  });

  it('serves every type of the reference with identical fields, arguments, input fields, interfaces and enum values', () => {
    const expected = normalise(reference.data.__schema.types);
    expect(Object.keys(served).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(expected)) expect({ [name]: served[name] }).toEqual({ [name]: expected[name] });
  });

  it('has the 128 queries and 104 mutations of Fluent 23.10.1', () => {
    const query = served['Query'] as { fields: unknown[] };
    const mutation = served['Mutation'] as { fields: unknown[] };
    expect(query.fields).toHaveLength(128);
    expect(mutation.fields).toHaveLength(104);
  });
});

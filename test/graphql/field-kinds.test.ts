import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../server/graphql/schema.js';
import { SPECIAL_COMMANDS } from '../../server/domain/commands/index.js';
import { SPECIAL_RESOLVERS } from '../../server/graphql/special/index.js';

/** Every root field is served: by a generic resolver, or by a named special one (style §3). */
describe('root field classification', () => {
  const loaded = loadSchema();
  const { model } = loaded;
  const classes = loaded.classes();

  it('classifies all 232 root fields', () => {
    const query = Object.keys(model.schema.getQueryType()!.getFields()).map((f) => `Query.${f}`);
    const mutation = Object.keys(model.schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`);
    expect([...classes.keys()].sort()).toEqual([...query, ...mutation].sort());
    expect(classes.size).toBe(232);
  });

  it('has a special resolver for every field no convention serves, and none for a field that does not exist', () => {
    const specials = [...classes].filter(([, c]) => c.kind === 'special').map(([name]) => name);
    const special = (name: string): unknown => (name.startsWith('Mutation.') ? SPECIAL_COMMANDS[name.slice('Mutation.'.length)] : SPECIAL_RESOLVERS[name]);
    for (const name of specials) expect(special(name), name).toBeTypeOf('function');
    for (const name of Object.keys(SPECIAL_RESOLVERS)) expect(classes.has(name), name).toBe(true);
    for (const name of Object.keys(SPECIAL_COMMANDS)) expect(classes.get(`Mutation.${name}`)?.kind, name).toBe('special');
  });

  it('serves the conventional fields generically: lookups, searches, creates and updates', () => {
    const count = (kind: string) => [...classes.values()].filter((c) => c.kind === kind).length;
    expect(count('lookup') + count('search') + count('create') + count('update') + count('special')).toBe(232);
    expect(classes.get('Query.orderById')).toEqual({ kind: 'lookup', typename: 'Order' });
    expect(classes.get('Query.carrierDetailses')).toEqual({ kind: 'search', node: 'CarrierDetails' });
    expect(classes.get('Mutation.createOrder')).toEqual({ kind: 'create', typename: 'Order', inputType: 'CreateOrderInput' });
    expect(classes.get('Mutation.updateInventoryPosition')).toEqual({
      kind: 'update',
      typename: 'InventoryPosition',
      inputType: 'UpdateInventoryPositionInput',
    });
  });
});

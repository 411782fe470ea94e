/**
 * `Fulfilment.fromLocation` and `Wave.processingLocation` are computed once: the search filter
 * (DERIVED_VALUES) and the GraphQL field (DERIVED_FIELDS) give the same location in every case.
 */
import { describe, expect, it } from 'vitest';
import { DERIVED_VALUES } from '../../server/domain/derived-values.js';
import { linkTo, Store, type EntityRecord } from '../../server/domain/store/store.js';
import type { GraphQLContext } from '../../server/graphql/context.js';
import { DERIVED_FIELDS } from '../../server/graphql/special/derived-fields.js';

const rec = (typename: string, id: string, fields: Record<string, unknown> = {}): EntityRecord => ({ __typename: typename, id, ...fields });

function world(): { store: Store; put(r: EntityRecord): EntityRecord } {
  const store = new Store();
  return {
    store,
    put: (r) => {
      store.put(r);
      return r;
    },
  };
}

function bothWays(store: Store, record: EntityRecord, field: string): { filter: unknown; output: unknown } {
  const ctx = { account: { store } } as unknown as GraphQLContext; // the derived fields read only the store
  const output = DERIVED_FIELDS[`${record.__typename}.${field}`]!(record, {}, ctx) as EntityRecord | null;
  return { filter: DERIVED_VALUES[`${record.__typename}.${field}`]!(store, record), output: output && linkTo(output) };
}

describe('derived values: filter and field agree', () => {
  it('Fulfilment.fromLocation: the location of a store address that is not its primary address', () => {
    const { store, put } = world();
    const primary = put(rec('StoreAddress', '1'));
    const location = put(rec('Location', '10', { ref: 'L', primaryAddress: linkTo(primary) }));
    const other = put(rec('StoreAddress', '2', { location: linkTo(location) }));
    const fulfilment = put(rec('Fulfilment', '100', { fromAddress: linkTo(other) }));
    expect(bothWays(store, fulfilment, 'fromLocation')).toEqual({ filter: linkTo(location), output: linkTo(location) });
  });

  it('Fulfilment.fromLocation: the location whose primary address it is', () => {
    const { store, put } = world();
    const address = put(rec('StoreAddress', '1'));
    const location = put(rec('Location', '10', { ref: 'L', primaryAddress: linkTo(address) }));
    const fulfilment = put(rec('Fulfilment', '100', { fromAddress: linkTo(address) }));
    expect(bothWays(store, fulfilment, 'fromLocation')).toEqual({ filter: linkTo(location), output: linkTo(location) });
  });

  it('Fulfilment.fromLocation: none without a store address', () => {
    const { store, put } = world();
    const fulfilment = put(rec('Fulfilment', '100', { fromAddress: linkTo(put(rec('CustomerAddress', '1'))) }));
    expect(bothWays(store, fulfilment, 'fromLocation')).toEqual({ filter: undefined, output: null });
  });

  it('Wave.processingLocation: a stored link wins over the wave location', () => {
    const { store, put } = world();
    const a = put(rec('Location', '10', { ref: 'A' }));
    const b = put(rec('Location', '11', { ref: 'B' }));
    const wave = put(rec('Wave', '100', { location: linkTo(a), processingLocation: linkTo(b) }));
    expect(bothWays(store, wave, 'processingLocation')).toEqual({ filter: linkTo(b), output: linkTo(b) });
    const plain = put(rec('Wave', '101', { location: linkTo(a) }));
    expect(bothWays(store, plain, 'processingLocation')).toEqual({ filter: linkTo(a), output: linkTo(a) });
  });
});

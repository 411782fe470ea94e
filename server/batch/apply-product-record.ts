/**
 * One record of a PRODUCT batch: a standard product. The type is sent by a storefront cartridge
 * (real-world-usage.md); its record shape is not published, so it is [inferred]:
 * `CreateStandardProductInput`'s names, with the legacy aliases `productRef` for `ref`,
 * `catalogueRef` for `catalogue` (default `PC:MASTER:<retailerId>`) and `categoryRefs` for
 * `categories` in the same catalogue. UPSERT of an existing product runs `updateStandardProduct`.
 */
import type { RecordResult } from './job-model.js';
import { applyEntityRecord, type EntityBatchContext, type EntityRecordSpec, takeCatalogue, takeKeyList } from './apply-entity-record.js';

const PRODUCT: EntityRecordSpec = {
  label: 'Product',
  typename: 'StandardProduct',
  refAlias: 'productRef',
  createMutation: 'createStandardProduct',
  updateMutation: 'updateStandardProduct',
  prepare(fields, ctx) {
    const catalogue = takeCatalogue(fields, ctx);
    if (typeof catalogue === 'string') return catalogue;
    return takeKeyList(fields, 'categoryRefs', 'categories', catalogue);
  },
  key: (fields) => ({ ref: fields['ref'], catalogue: fields['catalogue'] }),
  toUpdate: (fields) => fields,
};

export function applyProductRecord(ctx: EntityBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  return applyEntityRecord(PRODUCT, ctx, raw, recordIndex);
}

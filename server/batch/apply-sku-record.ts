/**
 * One record of a SKU batch: a variant product, the GraphQL API's name for a SKU. The type is
 * sent by a storefront cartridge (real-world-usage.md); its record shape is not published, so it
 * is [inferred]: `CreateVariantProductInput`'s names, with the legacy aliases `skuRef` for `ref`,
 * `productRef` for `product` (in the same catalogue), `catalogueRef` for `catalogue` (default
 * `PC:MASTER:<retailerId>`) and `categoryRefs` for `categories`. UPSERT of an existing SKU runs
 * `updateVariantProduct`.
 */
import type { RecordResult } from './job-model.js';
import { applyEntityRecord, type EntityBatchContext, type EntityRecordSpec, takeCatalogue, takeKeyList } from './apply-entity-record.js';

const SKU: EntityRecordSpec = {
  label: 'SKU',
  typename: 'VariantProduct',
  refAlias: 'skuRef',
  createMutation: 'createVariantProduct',
  updateMutation: 'updateVariantProduct',
  prepare(fields, ctx) {
    const catalogue = takeCatalogue(fields, ctx);
    if (typeof catalogue === 'string') return catalogue;
    const productRef = fields['productRef'];
    delete fields['productRef'];
    if (productRef !== undefined && productRef !== null) {
      if (typeof productRef !== 'string') return `'productRef' must be a string, got ${JSON.stringify(productRef)}`;
      fields['product'] = { ref: productRef, catalogue };
    }
    return takeKeyList(fields, 'categoryRefs', 'categories', catalogue);
  },
  key: (fields) => ({ ref: fields['ref'], catalogue: fields['catalogue'] }),
  toUpdate: (fields) => fields,
};

export function applySkuRecord(ctx: EntityBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  return applyEntityRecord(SKU, ctx, raw, recordIndex);
}

/**
 * One record of a CATEGORY batch (Fluent "Batch API", Category Batch; record fields not in the
 * published excerpts, so [inferred]: `CreateCategoryInput`'s names). Legacy aliases: `categoryRef`
 * for `ref`, `catalogueRef` for `catalogue` (default `PC:MASTER:<retailerId>`),
 * `parentCategoryRef` for `parentCategory` in the same catalogue. UPSERT of an existing category
 * runs `updateCategory` with the same fields.
 */
import type { RecordResult } from './job-model.js';
import { applyEntityRecord, type EntityBatchContext, type EntityRecordSpec, takeCatalogue } from './apply-entity-record.js';

const CATEGORY: EntityRecordSpec = {
  label: 'Category',
  typename: 'Category',
  refAlias: 'categoryRef',
  createMutation: 'createCategory',
  updateMutation: 'updateCategory',
  prepare(fields, ctx) {
    const catalogue = takeCatalogue(fields, ctx);
    if (typeof catalogue === 'string') return catalogue;
    const parentRef = fields['parentCategoryRef'];
    delete fields['parentCategoryRef'];
    if (parentRef === undefined || parentRef === null) return undefined;
    if (typeof parentRef !== 'string') return `'parentCategoryRef' must be a string, got ${JSON.stringify(parentRef)}`;
    fields['parentCategory'] = { ref: parentRef, catalogue };
    return undefined;
  },
  key: (fields) => ({ ref: fields['ref'], catalogue: fields['catalogue'] }),
  toUpdate: (fields) => fields,
};

export function applyCategoryRecord(ctx: EntityBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  return applyEntityRecord(CATEGORY, ctx, raw, recordIndex);
}

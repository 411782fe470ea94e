/**
 * One record of an inventory batch → a checked record, or the per-record error the batch GET
 * lists (fluent-platform.md §4.4). Record fields: classic `skuRef, locationRef, qty,
 * correctedQty, reservedQty, retailerId` [docs], and from the newer model `type` (default
 * LAST_ON_HAND), `status`, `ref`, `attributes` [sdk]. Quantities may arrive as numbers or as
 * whole-number strings (the docs' examples send `"qty": "10"`).
 */
import { isRecord, propertyOf } from '../lib/guards.js';
import { attributeType } from '../orchestration/event-records.js';
import type { RecordResult } from './job-model.js';

/** The quantity type a record updates unless it names another (§4.4, "Last On Hand"). */
export const LAST_ON_HAND = 'LAST_ON_HAND';

export type AttributeInput = { name: string; type: string; value: unknown };

export type InventoryRecord = {
  skuRef: string;
  locationRef: string;
  qty: number;
  correctedQty: number | undefined;
  reservedQty: number | undefined;
  retailerId: string | undefined;
  /** The InventoryQuantity type. @default 'LAST_ON_HAND' */
  type: string;
  status: string | undefined;
  /** The InventoryQuantity ref; `<skuRef>:<locationRef>:<type>` when absent. */
  ref: string | undefined;
  attributes: AttributeInput[] | undefined;
};

export type ParsedRecord = { ok: true; record: InventoryRecord } | { ok: false; error: RecordResult };

class RecordProblem extends Error {}

const refText = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

function text(fields: Record<string, unknown>, name: string, required: true): string;
function text(fields: Record<string, unknown>, name: string, required: false): string | undefined;
function text(fields: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new RecordProblem(`'${name}' is required`);
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new RecordProblem(`'${name}' must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function wholeNumber(fields: Record<string, unknown>, name: string, options: { required: boolean; min?: number }): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null || value === '') {
    if (options.required) throw new RecordProblem(`'${name}' is required`);
    return undefined;
  }
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new RecordProblem(`'${name}' must be a whole number, got ${JSON.stringify(value)}`);
  }
  if (options.min !== undefined && number < options.min) throw new RecordProblem(`'${name}' must not be negative, got ${number}`);
  return number;
}

/** `attributes` as the SDK sends them (name → value) or as the API's `[{name, type, value}]`. */
function attributes(value: unknown): AttributeInput[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      const name = propertyOf(item, 'name');
      if (typeof name !== 'string') throw new RecordProblem("'attributes' items must look like {name, type, value}");
      const type = propertyOf(item, 'type');
      const given = propertyOf(item, 'value');
      return { name, type: typeof type === 'string' ? type : attributeType(given), value: given ?? null };
    });
  }
  if (typeof value !== 'object') throw new RecordProblem(`'attributes' must be an object (name → value), got ${JSON.stringify(value)}`);
  return Object.entries(value).map(([name, v]: [string, unknown]) => ({ name, type: attributeType(v), value: v }));
}

export function parseInventoryRecord(raw: unknown, recordIndex: number): ParsedRecord {
  const fields = isRecord(raw) ? raw : undefined;
  const skuRef = refText(fields?.['skuRef']);
  const locationRef = refText(fields?.['locationRef']);
  try {
    if (!fields) throw new RecordProblem(`record must be a JSON object {skuRef, locationRef, qty, …}, got ${JSON.stringify(raw)}`);
    const record: InventoryRecord = {
      skuRef: text(fields, 'skuRef', true),
      locationRef: text(fields, 'locationRef', true),
      qty: wholeNumber(fields, 'qty', { required: true, min: 0 })!,
      correctedQty: wholeNumber(fields, 'correctedQty', { required: false }),
      reservedQty: wholeNumber(fields, 'reservedQty', { required: false, min: 0 }),
      retailerId: text(fields, 'retailerId', false),
      type: text(fields, 'type', false) ?? LAST_ON_HAND,
      status: text(fields, 'status', false),
      ref: text(fields, 'ref', false),
      attributes: attributes(fields['attributes']),
    };
    return { ok: true, record };
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    const entityRef = skuRef !== null && locationRef !== null ? `${skuRef}:${locationRef}` : null;
    return { ok: false, error: { recordIndex, skuRef, locationRef, entityRef, code: '400', message: error.message } };
  }
}

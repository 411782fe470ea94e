/**
 * The `inventoryPosition` attribute of `InventoryChanged` (workflow-contracts.md §2.1, H): one batch
 * record sent to the inventory catalogue — `productRef`, `locationRef` and `qty` (the new
 * LAST_ON_HAND) required, `ref` / `type` / `correctedQty` unused, and the optional
 * `inventoryQuantity {ref, type, qty, status}` that upserts a quantity of another type (module
 * 2.2.0). The catalogue-level inventory rules read it here, and find the position it names.
 *
 * [inferred]: the position ref is `<productRef>:<locationRef>` (the Batch API's, §4.4); a quantity
 * named by no `inventoryQuantity` is the LAST_ON_HAND `<position ref>:LAST_ON_HAND`, and may carry
 * `attributes` (the batch record's) [simulator].
 */
import type { DomainReader, EntityView, OrchestrationEvent } from '../../port.js';
import { EventAttributeNotFoundException, IllegalArgumentException } from './event-attributes.js';
import { findPosition, positionRefOf } from './inventory.js';

export const LAST_ON_HAND = 'LAST_ON_HAND';

export type BatchQuantity = { ref: string; type: string; qty: number; status: string | undefined; attributes: unknown[] | undefined };
export type BatchPosition = { ref: string; productRef: string; locationRef: string; qty: number; quantity: BatchQuantity };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

function text(fields: Record<string, unknown>, name: string, event: Readonly<OrchestrationEvent>, rule: string): string {
  const value = fields[name];
  if (isEmpty(value)) throw new EventAttributeNotFoundException(`${rule}: event "${event.name}" needs the attribute "inventoryPosition.${name}" (missing).`);
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new IllegalArgumentException(`${rule}: event "${event.name}" attribute "inventoryPosition.${name}" must be text, got ${JSON.stringify(value)}.`);
  }
  return String(value);
}

function whole(value: unknown, path: string, event: Readonly<OrchestrationEvent>, rule: string): number {
  if (isEmpty(value)) throw new EventAttributeNotFoundException(`${rule}: event "${event.name}" needs the attribute "${path}" (missing).`);
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new IllegalArgumentException(`${rule}: event "${event.name}" attribute "${path}" must be a whole number, got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** Parsed records by event: the rules of one InventoryChanged ruleset read the same one. */
const parsed = new WeakMap<Readonly<OrchestrationEvent>, BatchPosition>();

/** The record the event carries; a missing or malformed part throws, naming it. */
export function batchPositionOf(event: Readonly<OrchestrationEvent>, rule: string): BatchPosition {
  let position = parsed.get(event);
  if (!position) {
    position = parseBatchPosition(event, rule);
    parsed.set(event, position);
  }
  return position;
}

function parseBatchPosition(event: Readonly<OrchestrationEvent>, rule: string): BatchPosition {
  const fields = event.attributes['inventoryPosition'];
  if (!isObject(fields)) {
    if (fields === undefined || fields === null) {
      throw new EventAttributeNotFoundException(`${rule}: event "${event.name}" needs the attribute "inventoryPosition" (missing).`);
    }
    throw new IllegalArgumentException(`${rule}: event "${event.name}" attribute "inventoryPosition" must be an object {productRef, locationRef, qty}.`);
  }
  const productRef = text(fields, 'productRef', event, rule);
  const locationRef = text(fields, 'locationRef', event, rule);
  const qty = whole(fields['qty'], 'inventoryPosition.qty', event, rule);
  const ref = positionRefOf(productRef, locationRef);
  const attributes = Array.isArray(fields['attributes']) ? fields['attributes'] : undefined;
  const named = fields['inventoryQuantity'];
  if (!isObject(named))
    return { ref, productRef, locationRef, qty, quantity: { ref: `${ref}:${LAST_ON_HAND}`, type: LAST_ON_HAND, qty, status: undefined, attributes } };
  const type = isEmpty(named['type']) ? LAST_ON_HAND : String(named['type']);
  const quantity: BatchQuantity = {
    ref: isEmpty(named['ref']) ? `${ref}:${type}` : String(named['ref']),
    type,
    qty: isEmpty(named['qty']) ? qty : whole(named['qty'], 'inventoryPosition.inventoryQuantity.qty', event, rule),
    status: isEmpty(named['status']) ? undefined : String(named['status']),
    attributes,
  };
  return { ref, productRef, locationRef, qty, quantity };
}

/** The catalogue's position of the record: by its batch ref, else by product and location (index lookups). */
export const batchPositionIn = (read: DomainReader, catalogue: Readonly<EntityView>, position: BatchPosition): EntityView | undefined =>
  findPosition(read, catalogue, position.productRef, position.locationRef);

/** Fails unless the rule runs on the inventory catalogue. */
export function requireCatalogue(entity: Readonly<EntityView>, rule: string): void {
  if (entity.entityType !== 'INVENTORY_CATALOGUE') throw new Error(`${rule} runs on INVENTORY_CATALOGUE, not ${entity.entityType}.`);
}

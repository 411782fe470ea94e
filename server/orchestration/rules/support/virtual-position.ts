/**
 * What a virtual position holds (workflow-contracts.md §3, §4): the available-to-sell quantity of a
 * product derived from the inventory positions of the virtual catalogue's inventory catalogue,
 * lowered by the QUANTITY_BUFFER controls of the catalogue's control group ("control logic applied
 * only if virtualCatalogueControlGroupRef present").
 * [inferred]: a buffer is the control's value (UpdateControl's `controlValue`, kept as its `value`)
 * subtracted from every position of the catalogue, ACTIVE controls only (control conditions are not
 * simulated); a quantity never goes below 0.
 */
import { propertyOf } from '../../../lib/guards.js';
import type { DomainReader, EntityView, OrchestrationEvent } from '../../port.js';

export const QUANTITY_BUFFER = 'QUANTITY_BUFFER';

const numberOr0 = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** The value of one control: its `values` entry named `value` (commongi.UpdateControlValue). */
export function controlValueOf(control: Readonly<EntityView>): number {
  const values = control.fields['values'];
  const entry: unknown = Array.isArray(values) ? values.find((v: unknown) => propertyOf(v, 'name') === 'value') : undefined;
  return Number(propertyOf(entry, 'value') ?? 0) || 0;
}

/** The sum of the ACTIVE QUANTITY_BUFFER controls of the catalogue's control group (0 without one). */
export function bufferOf(read: DomainReader, catalogue: Readonly<EntityView>): number {
  const groupRef = catalogue.fields['controlGroupRef'];
  if (typeof groupRef !== 'string' || groupRef === '') return 0;
  return read
    .children({ entityType: 'CONTROL_GROUP', ref: groupRef }, 'CONTROL')
    .filter((control) => control.subtype === QUANTITY_BUFFER && control.status === 'ACTIVE')
    .reduce((sum, control) => sum + controlValueOf(control), 0);
}

/** onHand of the product's inventory positions the `counts` filter keeps, each at least 0. */
export function onHandOfProduct(read: DomainReader, catalogue: Readonly<EntityView>, productRef: string, counts: (locationRef: string) => boolean): number {
  const inventoryCatalogueRef = String(catalogue.fields['inventoryCatalogueRef'] ?? '');
  return read
    .inventoryPositions(inventoryCatalogueRef, productRef)
    .filter((p) => p['status'] !== 'INACTIVE' && counts(String(p['locationRef'])))
    .reduce((sum, p) => sum + Math.max(0, numberOr0(p['onHand'])), 0);
}

/**
 * onHand (at least 0) of the product's position at one location: the `inventoryPositionRef` the
 * inventory workflow sends (an index lookup), else the product's positions.
 */
export function onHandAt(
  read: DomainReader,
  catalogue: Readonly<EntityView>,
  event: Readonly<OrchestrationEvent>,
  productRef: string,
  locationRef: string,
): number {
  const positionRef = event.attributes['inventoryPositionRef'];
  const inventoryCatalogueRef = String(catalogue.fields['inventoryCatalogueRef'] ?? '');
  const root = { entityType: 'INVENTORY_CATALOGUE', ref: inventoryCatalogueRef };
  const named = typeof positionRef === 'string' ? read.findUnder(root, { entityType: 'INVENTORY_POSITION', ref: positionRef }) : undefined;
  if (named?.fields['productRef'] !== productRef || named.fields['locationRef'] !== locationRef) {
    return onHandOfProduct(read, catalogue, productRef, (at) => at === locationRef);
  }
  return named.status === 'INACTIVE' ? 0 : Math.max(0, numberOr0(named.fields['onHand']));
}

/** The quantity after the catalogue's buffers, never below 0. */
export const afterBuffers = (read: DomainReader, catalogue: Readonly<EntityView>, onHand: number): number => Math.max(0, onHand - bufferOf(read, catalogue));

/** The effects that make the virtual position `input.ref` of the catalogue hold `input`, ACTIVE. */
export function upsertVirtualPosition(
  read: DomainReader,
  catalogue: Readonly<EntityView>,
  input: { ref: string; type: string; productRef: string; groupRef: string; quantity: number },
): { type: 'mutate'; mutation: string; input: Record<string, unknown> }[] {
  const full = { ...input, catalogue: { ref: catalogue.ref } };
  const existing = read.findUnder({ entityType: 'VIRTUAL_CATALOGUE', id: catalogue.id }, { entityType: 'VIRTUAL_POSITION', ref: input.ref });
  if (existing) {
    if (existing.status === 'ACTIVE' && existing.fields['quantity'] === input.quantity && existing.fields['groupRef'] === input.groupRef) return [];
    return [{ type: 'mutate', mutation: 'updateVirtualPosition', input: { ...full, status: 'ACTIVE' } }];
  }
  // CreateVirtualPositionInput has no status; the platform raises no CREATE for virtual positions (§0).
  return [
    { type: 'mutate', mutation: 'createVirtualPosition', input: full },
    { type: 'mutate', mutation: 'updateVirtualPosition', input: { ref: input.ref, catalogue: full.catalogue, status: 'ACTIVE' } },
  ];
}

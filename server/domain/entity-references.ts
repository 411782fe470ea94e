/**
 * How the entity service follows references in mutation inputs: `…Id` / `…Key` / `…LinkInput`
 * inputs resolved to stored links (C0120E when missing), keys inside value inputs checked, the
 * refs an order item names turned into links, and a nested child linked back to its parent.
 */
import { type GraphQLInputObjectType, getNamedType, isInputObjectType } from 'graphql';
import { isRecord, recordsIn } from '../lib/guards.js';
import { SimError } from './errors.js';
import type { Model } from './model.js';
import { PRODUCT_BY_REFERENCE } from './overrides.js';
import { isLinkRef, linkTo, type EntityRecord, type LinkRef } from './store/store.js';
import type { Transaction } from './transaction.js';

/** Input types that name an existing entity rather than describe a new one. */
export const REFERENCE_INPUT = /(Id|Key|LinkInput)$/;

/** Finds one record by a key object through a transaction (the entity service's `findByKey`). */
export type FindByKey = (tx: Transaction, typename: string, key: Record<string, unknown>) => EntityRecord | undefined;

export function resolveReferences(
  model: Model,
  find: FindByKey,
  tx: Transaction,
  typename: string,
  field: string,
  inputType: GraphQLInputObjectType,
  value: unknown,
): LinkRef | LinkRef[] {
  const kind = model.entities[typename]?.fields[field];
  const fromKind = kind?.kind === 'connection' ? kind.node : kind?.kind === 'link' || kind?.kind === 'links' ? kind.target : undefined;
  const target = fromKind ?? inputType.name.replace(REFERENCE_INPUT, '');
  const one = (key: unknown): LinkRef => {
    const found = isRecord(key) ? find(tx, target, key) : undefined;
    if (!found) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${target} ${JSON.stringify(key)} referenced by ${typename}.${field} was not found`);
    return linkTo(found);
  };
  return Array.isArray(value) ? value.filter((v) => v != null).map(one) : one(value);
}

/** `UserRoleInput.role: RoleKey` and the like: a key inside a value input must name an entity. */
export function checkEmbeddedReferences(
  model: Model,
  find: FindByKey,
  tx: Transaction,
  inputType: GraphQLInputObjectType,
  value: unknown,
  where: string,
): void {
  for (const item of recordsIn(value)) {
    for (const [name, def] of Object.entries(inputType.getFields())) {
      const named = getNamedType(def.type);
      const v = item[name];
      if (v == null || !isInputObjectType(named)) continue;
      if (REFERENCE_INPUT.test(named.name)) {
        const target = named.name.replace(REFERENCE_INPUT, '');
        if (!model.isStored(target) && model.concreteTypes(target).length === 0) continue;
        for (const key of recordsIn(v)) {
          if (!find(tx, target, key))
            throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${target} ${JSON.stringify(key)} referenced by ${where}.${name} was not found`);
        }
      } else {
        checkEmbeddedReferences(model, find, tx, named, v, `${where}.${name}`);
      }
    }
  }
}

/** Whether the record's `productRef` must name a stored product, linked as `product`. */
function linksProduct(model: Model, record: EntityRecord): boolean {
  if (typeof record['productRef'] !== 'string' || isLinkRef(record['product'])) return false;
  if (PRODUCT_BY_REFERENCE.has(record.__typename)) return false;
  return 'product' in (model.entities[record.__typename]?.fields ?? {});
}

/** Order items name their product and fulfilment choice by ref (CreateOrderItemWithOrderInput). */
export function applyCrossReferences(model: Model, find: FindByKey, tx: Transaction, record: EntityRecord): void {
  if (linksProduct(model, record)) {
    const key: Record<string, unknown> = { ref: record['productRef'] };
    if (typeof record['productCatalogueRef'] === 'string') key['catalogue'] = { ref: record['productCatalogueRef'] };
    const product = find(tx, 'Product', key);
    if (!product)
      throw new SimError(
        'ENTITY_NOT_FOUND',
        `C0120E: Product with ref "${record['productRef']}"${record['productCatalogueRef'] ? ` in catalogue "${record['productCatalogueRef']}"` : ''} was not found`,
      );
    record['product'] = linkTo(product);
  }
  if (record.__typename === 'OrderItem' && typeof record['fulfilmentChoiceRef'] === 'string' && isLinkRef(record['order'])) {
    // FulfilmentChoice has no link back to its order: look at the order's own choice links too.
    const order = tx.get(record['order'].__link, record['order'].id);
    const choices = order?.['fulfilmentChoices'];
    const own = [order?.['fulfilmentChoice'], ...(Array.isArray(choices) ? choices : [])]
      .filter(isLinkRef)
      .map((l) => tx.get(l.__link, l.id))
      .filter((c): c is EntityRecord => c !== undefined);
    const choice = [...own, ...tx.linkedFrom(record['order'], 'FulfilmentChoice')].find((c) => c['ref'] === record['fulfilmentChoiceRef']);
    if (choice) record['fulfilmentChoice'] = linkTo(choice);
  }
}

/** Sets the child's back-link to its parent (`OrderItem.order`) when the child has one. */
export function linkToParent(model: Model, child: EntityRecord, parent: EntityRecord): void {
  const fields = model.entities[child.__typename]?.fields ?? {};
  for (const view of [false, true]) {
    for (const [name, kind] of Object.entries(fields)) {
      if (kind.kind === 'link' && kind.view === view && model.concreteTypes(kind.target).includes(parent.__typename)) {
        child[name] = linkTo(parent);
        return;
      }
    }
  }
}

/** The stored type a nested create input makes (`Order.items` with CreateOrderItemWithOrderInput → OrderItem). */
export function childType(model: Model, parentType: string, field: string, inputName: string): string {
  const kind = model.entities[parentType]?.fields[field];
  const target = kind?.kind === 'connection' ? kind.node : kind?.kind === 'link' || kind?.kind === 'links' ? kind.target : undefined;
  const fromInput = /^Create(.+?)(?:With.+)?Input$/.exec(inputName)?.[1];
  if (target && model.concreteTypes(target).length === 1) return model.concreteTypes(target)[0]!;
  if (fromInput && model.isStored(fromInput)) return fromInput;
  throw new SimError('INTERNAL', `cannot tell which type ${parentType}.${field} (${inputName}) creates`);
}

/** Does `from` hold a link to `to` in any field? */
export function linksTo(from: EntityRecord, to: EntityRecord): boolean {
  return Object.values(from).some((v) => (Array.isArray(v) ? v : [v]).some((l) => isLinkRef(l) && l.id === to.id && l.__link === to.__typename));
}

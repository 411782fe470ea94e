/**
 * Finds a join record (`ConsignmentArticle`, `CarrierConsignmentArticle`) by the entities it
 * joins. Each side is a record (must be linked), `null` (named but missing: no match) or
 * `undefined` (not given: any).
 */
import type { Domain } from '../../domain/domain.js';
import { isLinkRef, linkTo, type EntityRecord } from '../../domain/store/store.js';

export function findJoinRecord(account: Domain, typename: string, sides: Record<string, EntityRecord | null | undefined>): EntityRecord | null {
  const given = Object.entries(sides).filter((e): e is [string, EntityRecord | null] => e[1] !== undefined);
  const anchor = given[0]?.[1];
  if (!anchor || given.some(([, r]) => r === null)) return null;
  const joins = (j: EntityRecord, field: string, r: EntityRecord | null): boolean => {
    const v = j[field];
    return r !== null && isLinkRef(v) && v.__link === r.__typename && v.id === r.id;
  };
  return account.store.linkedFrom(linkTo(anchor), typename).find((j) => given.every(([f, r]) => joins(j, f, r))) ?? null;
}

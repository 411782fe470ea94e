/**
 * Small helpers over stored links (`{__link, id}`) shared by the special resolvers.
 */
import { isLinkRef, type EntityRecord, type LinkRef } from './store/store.js';

export type RecordReader = { get(typename: string, id: string): EntityRecord | undefined };

/** The links stored in a record's field, whether it holds one link or a list of them. */
export function linksIn(value: unknown): LinkRef[] {
  return (Array.isArray(value) ? value : [value]).filter(isLinkRef);
}

/** The records a field links to, skipping dangling links. */
export function resolveAll(reader: RecordReader, value: unknown): EntityRecord[] {
  return linksIn(value).flatMap((l) => reader.get(l.__link, l.id) ?? []);
}

/** The one record a field links to, if any. */
export function resolveOne(reader: RecordReader, value: unknown): EntityRecord | undefined {
  return isLinkRef(value) ? reader.get(value.__link, value.id) : undefined;
}

export const sameRecord = (link: LinkRef, record: { __typename: string; id: string }): boolean => link.__link === record.__typename && link.id === record.id;

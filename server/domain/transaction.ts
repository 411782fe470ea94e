/**
 * A write-through-later view of the store: reads see staged records first, `commit` writes them
 * all at once. A mutation that throws half-way leaves the store untouched.
 */
import { isLinkRef, type EntityRecord, type LinkRef, type Store } from './store/store.js';

export class Transaction {
  /**
   * Staged records by `type:id`, and by type and by `type:ref` so lookups stay linear in a large
   * mutation. Made on the first `put`: most transactions stage a record or two, and a read-only
   * one (the account's `view`) none, so reads go straight to the store until then.
   */
  private staging:
    | { byKey: Map<string, EntityRecord>; byType: Map<string, Map<string, EntityRecord>>; byRef: Map<string, Map<string, EntityRecord>> }
    | undefined;

  constructor(private readonly store: Store) {}

  get(typename: string, id: string): EntityRecord | undefined {
    return this.staging?.byKey.get(`${typename}:${id}`) ?? this.store.get(typename, id);
  }

  put(record: EntityRecord): void {
    this.staging ??= { byKey: new Map(), byType: new Map(), byRef: new Map() };
    const { byKey, byType, byRef } = this.staging;
    byKey.set(`${record.__typename}:${record.id}`, record);
    bucket(byType, record.__typename).set(record.id, record);
    // A record re-put under another ref keeps its old entry; readers check the ref again.
    if (typeof record['ref'] === 'string') bucket(byRef, `${record.__typename}:${record['ref']}`).set(record.id, record);
  }

  /** Records of a type with a given ref (all of the type when `ref` is undefined). */
  candidates(typename: string, ref?: string): EntityRecord[] {
    const ids = this.store.candidates(typename, ref === undefined ? undefined : 'ref', ref === undefined ? undefined : [ref]);
    const staged = ref === undefined ? this.staging?.byType.get(typename) : this.staging?.byRef.get(`${typename}:${ref}`);
    if (!staged) {
      // Nothing of this type (or ref) staged: the store's records, in its order.
      const out: EntityRecord[] = [];
      for (const id of ids) {
        const r = this.get(typename, String(id));
        if (r && (ref === undefined || r['ref'] === ref)) out.push(r);
      }
      return out;
    }
    const out = new Map<string, EntityRecord>();
    for (const id of ids) {
      const r = this.get(typename, String(id));
      if (r && (ref === undefined || r['ref'] === ref)) out.set(r.id, r);
    }
    for (const r of staged.values()) if (ref === undefined || r['ref'] === ref) out.set(r.id, r);
    return [...out.values()];
  }

  linkedFrom(target: LinkRef, typename: string): EntityRecord[] {
    const out = new Map(this.store.linkedFrom(target, typename).map((r) => [r.id, this.get(typename, r.id) ?? r]));
    for (const r of this.staging?.byType.get(typename)?.values() ?? []) {
      const links = Object.values(r).some((v) => (Array.isArray(v) ? v : [v]).some((l) => isLinkRef(l) && l.__link === target.__link && l.id === target.id));
      if (links) out.set(r.id, r);
    }
    return [...out.values()];
  }

  commit(): void {
    if (!this.staging) return;
    for (const r of this.staging.byKey.values()) this.store.put(r);
    this.staging = undefined;
  }
}

function bucket<T>(map: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

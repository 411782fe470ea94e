/**
 * A write-through-later view of the store: reads see staged records first, `commit` writes them
 * all at once. A mutation that throws half-way leaves the store untouched.
 */
import { isLinkRef, type EntityRecord, type LinkRef, type Store } from './store/store.js';

export class Transaction {
  private readonly staged = new Map<string, EntityRecord>();
  /** Staged records by type and by `type:ref`, so lookups stay linear in a large mutation. */
  private readonly stagedByType = new Map<string, Map<string, EntityRecord>>();
  private readonly stagedByRef = new Map<string, Map<string, EntityRecord>>();

  constructor(private readonly store: Store) {}

  get(typename: string, id: string): EntityRecord | undefined {
    return this.staged.get(`${typename}:${id}`) ?? this.store.get(typename, id);
  }

  put(record: EntityRecord): void {
    this.staged.set(`${record.__typename}:${record.id}`, record);
    bucket(this.stagedByType, record.__typename).set(record.id, record);
    // A record re-put under another ref keeps its old entry; readers check the ref again.
    if (typeof record['ref'] === 'string') bucket(this.stagedByRef, `${record.__typename}:${record['ref']}`).set(record.id, record);
  }

  /** Records of a type with a given ref (all of the type when `ref` is undefined). */
  candidates(typename: string, ref?: string): EntityRecord[] {
    const ids = this.store.candidates(typename, ref === undefined ? undefined : 'ref', ref === undefined ? undefined : [ref]);
    const out = new Map<string, EntityRecord>();
    for (const id of ids) {
      const r = this.get(typename, String(id));
      if (r && (ref === undefined || r['ref'] === ref)) out.set(r.id, r);
    }
    const staged = ref === undefined ? this.stagedByType.get(typename) : this.stagedByRef.get(`${typename}:${ref}`);
    for (const r of staged?.values() ?? []) if (ref === undefined || r['ref'] === ref) out.set(r.id, r);
    return [...out.values()];
  }

  linkedFrom(target: LinkRef, typename: string): EntityRecord[] {
    const out = new Map(this.store.linkedFrom(target, typename).map((r) => [r.id, this.get(typename, r.id) ?? r]));
    for (const r of this.stagedByType.get(typename)?.values() ?? []) {
      const links = Object.values(r).some((v) => (Array.isArray(v) ? v : [v]).some((l) => isLinkRef(l) && l.__link === target.__link && l.id === target.id));
      if (links) out.set(r.id, r);
    }
    return [...out.values()];
  }

  commit(): void {
    for (const r of this.staged.values()) this.store.put(r);
    this.staged.clear();
    this.stagedByType.clear();
    this.stagedByRef.clear();
  }
}

function bucket<T>(map: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

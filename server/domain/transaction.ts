/**
 * A write-through-later view of the store: reads see staged records first, `commit` writes them
 * all at once. A mutation that throws half-way leaves the store untouched.
 */
import type { EntityRecord, LinkRef, Store } from './store/store.js';

export class Transaction {
  private readonly staged = new Map<string, EntityRecord>();

  constructor(private readonly store: Store) {}

  get(typename: string, id: string): EntityRecord | undefined {
    return this.staged.get(`${typename}:${id}`) ?? this.store.get(typename, id);
  }

  put(record: EntityRecord): void {
    this.staged.set(`${record.__typename}:${record.id}`, record);
  }

  /** Records of a type with a given ref (all of the type when `ref` is undefined). */
  candidates(typename: string, ref?: string): EntityRecord[] {
    const ids = this.store.candidates(typename, ref === undefined ? undefined : 'ref', ref === undefined ? undefined : [ref]);
    const out = new Map<string, EntityRecord>();
    for (const id of ids) {
      const r = this.get(typename, String(id));
      if (r && (ref === undefined || r['ref'] === ref)) out.set(r.id, r);
    }
    for (const r of this.staged.values()) if (r.__typename === typename && (ref === undefined || r['ref'] === ref)) out.set(r.id, r);
    return [...out.values()];
  }

  linkedFrom(target: LinkRef, typename: string): EntityRecord[] {
    const out = new Map(this.store.linkedFrom(target, typename).map((r) => [r.id, this.get(typename, r.id) ?? r]));
    for (const r of this.staged.values()) {
      if (r.__typename !== typename) continue;
      const links = Object.values(r).some((v) => (Array.isArray(v) ? v : [v]).some((l) => typeof l === 'object' && l !== null && (l as LinkRef).__link === target.__link && (l as LinkRef).id === target.id));
      if (links) out.set(r.id, r);
    }
    return [...out.values()];
  }

  commit(): void {
    for (const r of this.staged.values()) this.store.put(r);
    this.staged.clear();
  }
}

/**
 * One shared, frozen link object per link target, for the targets linked lately. Every record
 * kept its own `{ __link, id }` per link, and every update copied them again: at 100k orders the
 * links to the same retailer, customer and product were ≈ 120 bytes per one-item order, and an
 * HD order links its own order, addresses and user from several records. Records are replaced,
 * never changed in place, so their links can be shared; frozen, a change in place would throw.
 */
import { BoundedMap } from '../../lib/bounded-map.js';
import { isLinkRef, type EntityRecord, type LinkRef } from './store.js';

/** Targets whose link is kept: the hot ones (a retailer, a product, the order being worked on) stay. */
const KEPT = 4096;

export class LinkPool {
  readonly #links = new BoundedMap<string, LinkRef>(KEPT);

  /**
   * Replaces each plain link of `record` (own keys `__link`, `id`, in that order: a link with
   * more keys, or in another order, is kept as it is) by the shared one for its target, in place.
   */
  share(record: EntityRecord): void {
    if (Object.isFrozen(record)) return;
    for (const key in record) {
      const v = record[key];
      if (isLinkRef(v)) {
        const shared = this.#shared(v);
        if (shared !== v) record[key] = shared;
      } else if (Array.isArray(v) && !Object.isFrozen(v)) {
        for (let i = 0; i < v.length; i += 1) {
          const item: unknown = v[i];
          if (isLinkRef(item)) v[i] = this.#shared(item);
        }
      }
    }
  }

  #shared(link: LinkRef): LinkRef {
    if (Object.isFrozen(link) || !isPlainLink(link)) return link;
    const key = `${link.__link}:${link.id}`;
    const kept = this.#links.get(key);
    if (kept) return kept;
    const shared = Object.freeze({ __link: link.__link, id: link.id });
    this.#links.set(key, shared);
    return shared;
  }
}

/** Exactly the two keys of a link, `__link` first: a shared copy serialises the same. */
function isPlainLink(link: LinkRef): boolean {
  let n = 0;
  for (const key in link) {
    if (key !== (n === 0 ? '__link' : 'id')) return false;
    n += 1;
  }
  return n === 2;
}

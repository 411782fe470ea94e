/**
 * A map keyed by entity ids. Ids are numeric strings handed out in sequence per type ("1", "2",
 * …), so such an id is a slot of an array: 8 bytes per entry instead of a Map entry's ≈ 45 (the
 * store keeps one per record by id, and the reverse index one per link target). Other ids (not
 * canonical digits, or far past the ids seen so far, as a pulled account's may be) go to a Map.
 */
export class IdMap<V> {
  /** By id; `undefined` where none. Grows one slot at a time while ids come in sequence. */
  #slots: (V | undefined)[] = [];
  readonly #others = new Map<string, V>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(id: string): V | undefined {
    const slot = slotOf(id);
    // An id may have gone to the Map before the slots reached it.
    return slot >= 0 && slot < this.#slots.length ? (this.#slots[slot] ?? this.#others.get(id)) : this.#others.get(id);
  }

  set(id: string, value: V): void {
    const slot = slotOf(id);
    const slots = this.#slots;
    if (slot >= 0 && slot <= slots.length + MAX_GAP) {
      while (slots.length <= slot) slots.push(undefined);
      if (slots[slot] === undefined && !this.#others.delete(id)) this.#size += 1;
      slots[slot] = value;
      return;
    }
    if (!this.#others.has(id)) this.#size += 1;
    this.#others.set(id, value);
  }

  delete(id: string): boolean {
    const slot = slotOf(id);
    if (slot >= 0 && this.#slots[slot] !== undefined) this.#slots[slot] = undefined;
    else if (!this.#others.delete(id)) return false;
    this.#size -= 1;
    return true;
  }

  /** Values in slot (id) order, then the others in insertion order. */
  *values(): IterableIterator<V> {
    for (const v of this.#slots) if (v !== undefined) yield v;
    yield* this.#others.values();
  }

  /** A copy whose values are `copy(value)` (the same values without it). */
  copy(copy: (value: V) => V = (value) => value): IdMap<V> {
    const out = new IdMap<V>();
    out.#slots = this.#slots.map((v) => (v === undefined ? undefined : copy(v)));
    for (const [id, v] of this.#others) out.#others.set(id, copy(v));
    out.#size = this.#size;
    return out;
  }
}

/** How far past the last slot an id still gets one (the slots between stay empty). */
const MAX_GAP = 1024;

/** The slot of a canonical id ("0", or up to 9 digits not starting with 0), else -1. */
function slotOf(id: string): number {
  const n = id.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i += 1) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && i === 0 && n > 1)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

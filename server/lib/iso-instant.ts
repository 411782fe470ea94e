/**
 * `Date.prototype.toISOString` of an instant, the same string object for repeated instants: a
 * frozen or slow clock hands out runs of equal instants, and every record keeps `createdOn` and
 * `updatedOn` (~40 bytes each when not shared).
 */
export function isoInstant(ms: number): string {
  if (ms !== last.ms) last = { ms, text: new Date(ms).toISOString() };
  return last.text;
}
let last = { ms: Number.NaN, text: '' };

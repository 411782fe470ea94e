/**
 * How close two names are, for "did you mean" hints: rule names at load time (`rule-name.ts`)
 * and ruleset names when an event matches none (`matcher.ts`). Pure and cheap: the edit distance
 * stops as soon as it exceeds the largest distance worth showing.
 */

/**
 * Levenshtein distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Uint16Array(b.length + 1).map((_, j) => j);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** `CancelOrder`, `cancel_order`, `Order-Cancel` → `cancel order`, `cancel order`, `cancel order`. */
function sortedWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .sort()
    .join(' ');
}

/**
 * Ruleset names that look like a misspelt or reordered `eventName`, closest first: the same
 * words in another order (`CancelOrder` / `OrderCancel`), another case (`Create` / `CREATE`),
 * or a few typos.
 */
export function closestRulesetNames(eventName: string, known: readonly string[], limit = 3): string[] {
  const lower = eventName.toLowerCase();
  const words = sortedWords(eventName);
  const max = Math.max(2, Math.floor(lower.length / 3));
  return known
    .filter((name) => name !== eventName)
    .map((name) => ({
      name,
      score: Math.min(editDistance(lower, name.toLowerCase(), max), editDistance(words, sortedWords(name), max)),
    }))
    .filter((entry) => entry.score <= max)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

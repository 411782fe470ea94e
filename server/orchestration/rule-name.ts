/**
 * How rule names written in real workflows map to registry keys (design.md §4,
 * fluent-platform.md §5.4, real-world-usage.md).
 *
 * Written names carry an account prefix before `namespace.Rule`: `ACME.core.SetState`,
 * `{{accountId}}.core.SetState`, `FLUENTRETAIL.base.ChangeStateGQL`. Deploy pipelines also use
 * placeholders that stand for account *and* namespace, e.g.
 * `{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL`, which leaves a bare rule name.
 */
import { editDistance } from './name-similarity.js';

export type RuleLookup = {
  /** Registry keys to try, most specific first (`ACME.core.SetState`, then `core.SetState`). */
  keys: string[];
  /** Set when the name is bare after placeholders are removed (`ChangeStateGQL`). */
  bare: string | undefined;
};

const PLACEHOLDER = /\{\{[^}]*\}\}\.?/g;

export function ruleLookup(written: string): RuleLookup {
  const parts = written
    .replace(PLACEHOLDER, '')
    .trim()
    .split('.')
    .filter((part) => part.length > 0);
  if (parts.length === 0) return { keys: [], bare: undefined };
  if (parts.length === 1) return { keys: [], bare: parts[0] };
  const keys: string[] = [];
  // Drop leading segments (the account, then anything before namespace.Rule), keeping at least two.
  for (let i = 0; i <= parts.length - 2; i += 1) keys.push(parts.slice(i).join('.'));
  return { keys, bare: undefined };
}

/** The last segment of a dotted name: `core.SetState` → `SetState`. */
export function bareName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** Registry keys that look like a misspelt or mis-namespaced `lookedUp`, closest first. */
export function closestNames(lookedUp: string, known: readonly string[], limit = 5): string[] {
  const target = lookedUp.toLowerCase();
  const targetBare = bareName(lookedUp).toLowerCase();
  const threshold = Math.max(3, Math.floor(targetBare.length / 3));
  const scored = known.map((name) => {
    const bareScore = editDistance(targetBare, bareName(name).toLowerCase(), threshold);
    const score = bareScore === 0 ? 0 : Math.min(bareScore, editDistance(target, name.toLowerCase(), threshold));
    return { name, score };
  });
  return scored
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

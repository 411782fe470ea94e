/**
 * The stored user an actor stands for: by id when the token carries one (and the username still
 * matches), else by username. `undefined` when that user no longer exists.
 */
import type { Actor, Domain } from './domain.js';
import type { EntityRecord } from './store/store.js';

export function userOf(domain: Domain, actor: Actor): EntityRecord | undefined {
  if (actor.userId !== undefined) {
    const byId = domain.store.get('User', actor.userId);
    if (byId && byId['username'] === actor.username) return byId;
  }
  return domain.entities.findByKey(domain.view, 'User', { username: actor.username });
}

/**
 * The domain part of an account: what the domain commands and lookups need (the entity model,
 * the store, the clock and ids, the entity service), without HTTP, orchestration or webhooks.
 * An `Account` carries one as its `domain` field.
 */
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { EntityService } from './entities.js';
import type { Model } from './model.js';
import type { PagingLimits } from './paging.js';
import type { Store } from './store/store.js';
import type { Transaction } from './transaction.js';

export type Domain = {
  readonly model: Model;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entities: EntityService;
  readonly paging: PagingLimits;
  /** A read-only view for lookups outside a mutation. */
  readonly view: Transaction;
};

/** Who runs a command: the authenticated user of a request; in-process callers have none. */
export type Actor = { username: string; userId: string | undefined };

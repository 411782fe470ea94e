/**
 * Branded ids of the domain, so ids of different things cannot be passed for one another
 * (an account id where an entity id is expected, an event id for a delivery id). They are plain
 * strings at run time and read as strings anywhere; a value becomes one through its constructor
 * where it enters typed code. Entity records (`store/store.ts`) still carry plain string ids.
 */
import { type Brand, branded } from '../lib/brand.js';

/** An account (tenant) id: `SIM`, or one made through `/_sim/accounts`. */
export type AccountId = Brand<string, 'AccountId'>;
/** A stored entity's id (numeric string, fluent-platform.md §2.5). */
export type EntityId = Brand<string, 'EntityId'>;
/** An orchestration event's id (UUID, fluent-platform.md §3.6). */
export type EventId = Brand<string, 'EventId'>;

export const accountIdOf = (id: string): AccountId => branded<AccountId>(id);
export const entityIdOf = (id: string): EntityId => branded<EntityId>(id);
export const eventIdOf = (id: string): EventId => branded<EventId>(id);

/**
 * Store waves (Fulfilment Reference Module, workflow-contracts.md §7): which fulfilments a wave may
 * take, in which order, and the `createWave` mutation with the `WaveCreate` events that follow it.
 * Shared by `fulfilment.CreateWaveByExpiry` and `fulfilment.CreateWaveByFulfilmentIds`.
 */
import type { DomainReader, Effect, EntityView, OrchestrationEvent } from '../../port.js';
import { statusList } from './props.js';

/** The event every fulfilment of a new wave receives (§7 "WaveCreate (outgoing, to each FULFILMENT)"). */
export const WAVE_CREATE_EVENT = 'WaveCreate';

const time = (value: unknown): number => {
  const ms = typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
};

/**
 * Soonest expiry first: the fulfilment's `expiryTime`, else its `createdOn` [inferred], then its id
 * (Fluent: "If more than one Fulfilment has the exact same expiry time then use the Fulfilment ID").
 */
export function bySoonestExpiry(a: Readonly<EntityView>, b: Readonly<EntityView>): number {
  const expiry = (f: Readonly<EntityView>) => time(f.fields['expiryTime'] ?? f.fields['createdOn']);
  return expiry(a) - expiry(b) || Number(a.id) - Number(b.id);
}

/** The waves of a location. */
export const wavesAt = (read: DomainReader, location: Readonly<EntityView>): EntityView[] =>
  read.children({ entityType: 'LOCATION', id: location.id, ref: location.ref }, 'WAVE');

/** The fulfilments of a wave, as entities. */
export function fulfilmentsOfWave(read: DomainReader, wave: Readonly<EntityView>): EntityView[] {
  return read
    .related({ entityType: 'WAVE', id: wave.id, ref: wave.ref }, 'fulfilments')
    .map((f) => read.find({ entityType: 'FULFILMENT', id: String(f['id']) }))
    .filter((f): f is EntityView => f !== undefined);
}

/** Ids of the fulfilments already in a wave of the location (any wave, any status). */
export function idsInWaves(read: DomainReader, location: Readonly<EntityView>): Set<string> {
  return new Set(wavesAt(read, location).flatMap((wave) => fulfilmentsOfWave(read, wave).map((f) => f.id)));
}

/** The location an event is about, or a clear error. */
export function locationOf(entity: Readonly<EntityView>, ruleName: string): Readonly<EntityView> {
  if (entity.entityType !== 'LOCATION' || entity.ref === undefined) {
    throw new Error(`${ruleName} runs on a LOCATION, not ${entity.entityType} "${entity.ref ?? entity.id}".`);
  }
  return entity;
}

/** The wave an event is about, or a clear error. */
export function waveOf(entity: Readonly<EntityView>, ruleName: string): Readonly<EntityView> {
  if (entity.entityType !== 'WAVE') throw new Error(`${ruleName} runs on a WAVE, not ${entity.entityType} "${entity.ref ?? entity.id}".`);
  return entity;
}

/** The retailer setting naming the fulfilment statuses a wave may take (workflow-contracts.md §12). */
export const AWAITING_WAVE_STATUSES = 'AWAITING_WAVE_STATUSES';

/** The setting's statuses: `["A","B"]`, `"A, B"` or a list in `lobValue`; absent → AWAITING_WAVE. */
export function awaitingWaveStatuses(read: DomainReader, retailerId: string | undefined): string[] {
  const setting = read.setting(AWAITING_WAVE_STATUSES, retailerId);
  let value: unknown = setting?.lobValue ?? setting?.value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      value = JSON.parse(value);
    } catch {
      // Not JSON: read as a comma-separated list.
    }
  }
  const parsed = statusList.safeParse(value);
  return parsed.success ? parsed.data : ['AWAITING_WAVE'];
}

type NewWave = { name?: string | undefined; userName?: string | undefined };

/**
 * `createWave` for `fulfilments` at `location` (the platform then raises the WAVE's CREATE), and
 * `WaveCreate` to each fulfilment. Ref `<locationRef>-W<n>` (n = the location's wave count + 1)
 * and type = the location's type (STORE) [inferred]. `userName` naming an existing user (by
 * username) becomes the wave's `allocatedTo` ("assigned only if valid Fluent user", §7); any other
 * `userName` is kept as a wave attribute [inferred].
 */
export function createWave(
  read: DomainReader,
  event: Readonly<OrchestrationEvent>,
  location: Readonly<EntityView>,
  fulfilments: readonly EntityView[],
  wave: NewWave,
): Effect[] {
  if (fulfilments.length === 0) return [];
  const user = wave.userName === undefined ? undefined : read.find({ entityType: 'USER', ref: wave.userName });
  const attributes = wave.userName === undefined || user !== undefined ? undefined : [{ name: 'userName', type: 'STRING', value: wave.userName }];
  const input: Record<string, unknown> = {
    ref: `${location.ref}-W${wavesAt(read, location).length + 1}`,
    type: location.subtype ?? 'STORE',
    retailer: { id: location.retailerId ?? event.retailerId },
    location: { id: location.id },
    fulfilments: fulfilments.map((f) => ({ id: f.id })),
    ...(wave.name === undefined ? {} : { name: wave.name }),
    ...(attributes === undefined ? {} : { attributes }),
    ...(user === undefined ? {} : { allocatedTo: { id: user.id } }),
  };
  const notify = fulfilments.map(
    (f): Effect => ({
      type: 'sendEvent',
      event: {
        name: WAVE_CREATE_EVENT,
        retailerId: event.retailerId,
        entityType: 'FULFILMENT',
        entityId: f.id,
        entityRef: f.ref,
        entitySubtype: f.subtype,
        rootEntityType: f.root.entityType,
        rootEntityId: f.root.id,
        rootEntityRef: f.root.ref,
        attributes: {},
      },
    }),
  );
  return [{ type: 'mutate', mutation: 'createWave', input }, ...notify];
}

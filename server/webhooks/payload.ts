// The webhook event model and its wire form (fluent-platform.md §6.2).

export interface WebhookEventMeta {
  mode: string;
  simulation: boolean;
  models: unknown[];
}

export interface WebhookEvent {
  id: string;
  name: string;
  accountId: string;
  retailerId: string;
  entityId: string;
  entityRef: string;
  entityType: string;
  entityStatus: string;
  /** Sent only when the entity has a subtype (e.g. "HD"). */
  entitySubtype?: string;
  type: string;
  attributes: Record<string, unknown>;
  /** Defaults to the value seen on real webhooks: {"mode":"SYNC","simulation":false,"models":[]}. */
  meta?: WebhookEventMeta;
  /** Defaults to []. */
  trailLogs?: unknown[];
  /** Defaults to []. */
  errorLogs?: unknown[];
  rootEntityId: string;
  rootEntityType: string;
  rootEntityRef: string;
}

/**
 * Serialises a webhook event to the exact bytes that are signed and sent: compact JSON on one
 * line, keys in the order a real environment emits them (fluent-platform.md §6.2):
 *   id, name, accountId, retailerId, entityId, entityRef, entityType, entityStatus,
 *   [entitySubtype], type, attributes, meta, trailLogs, errorLogs,
 *   rootEntityId, rootEntityType, rootEntityRef
 *
 * trailLogs/errorLogs: the real signed sample described in §6.2/§6.4 carries both, as empty
 * arrays, between meta and rootEntityId, so they are always written here (default []).
 *
 * entitySubtype: no real wire capture containing it is available. The one third-party payload
 * that has it (real-artifacts/composable-com__ct-connect-fluent__webhook-order-completed.json,
 * a hand-written test object) lists it directly after entityStatus, so it goes right after
 * entityStatus here [inferred]. It is omitted when undefined, like the §6.4 sample. JSON
 * receivers do not depend on key order; the signatures cover whatever bytes we produce.
 *
 * Keys that are not part of the model are dropped. Keys inside attributes keep the caller's
 * order (JavaScript puts integer-like keys first).
 */
export function toWebhookBody(event: WebhookEvent): Buffer {
  const meta = event.meta ?? { mode: 'SYNC', simulation: false, models: [] };
  const ordered: Record<string, unknown> = {
    id: event.id,
    name: event.name,
    accountId: event.accountId,
    retailerId: event.retailerId,
    entityId: event.entityId,
    entityRef: event.entityRef,
    entityType: event.entityType,
    entityStatus: event.entityStatus,
  };
  if (event.entitySubtype !== undefined) ordered['entitySubtype'] = event.entitySubtype;
  ordered['type'] = event.type;
  ordered['attributes'] = event.attributes;
  ordered['meta'] = { mode: meta.mode, simulation: meta.simulation, models: meta.models };
  ordered['trailLogs'] = event.trailLogs ?? [];
  ordered['errorLogs'] = event.errorLogs ?? [];
  ordered['rootEntityId'] = event.rootEntityId;
  ordered['rootEntityType'] = event.rootEntityType;
  ordered['rootEntityRef'] = event.rootEntityRef;
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}

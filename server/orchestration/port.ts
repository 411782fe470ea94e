/**
 * The contract between the orchestration engine and the rest of the simulator.
 *
 * The engine never touches the store: it reads entities and asks for changes through
 * `DomainPort`, which the domain layer implements over the store (the same code paths as the
 * GraphQL mutations, so a rule's `createFulfilment` is exactly the API's `createFulfilment`).
 * Rules are pure: they receive a read-only view and return `Effect`s; only the engine's effect
 * applier performs them (design §3, style §8).
 */
import type { z } from 'zod';

/** A Fluent entity type as used in events and rulesets (fluent-platform.md §3.3): ORDER, FULFILMENT, … */
export type FluentEntityType = string;

export type EntityKey = {
  entityType: FluentEntityType;
  id?: string | undefined;
  ref?: string | undefined;
};

/** What the engine sees of one entity. */
export type EntityView = {
  entityType: FluentEntityType;
  /** GraphQL type name (Order, Fulfilment, StandardProduct, …). */
  typename: string;
  id: string;
  ref: string | undefined;
  /** The entity's `type` field, i.e. the workflow subtype (HD, CC, HD_PFS, …). */
  subtype: string | undefined;
  status: string | undefined;
  workflowRef: string | undefined;
  workflowVersion: number | undefined;
  retailerId: string | undefined;
  root: { entityType: FluentEntityType; id: string; ref: string | undefined };
  /**
   * The entity as the GraphQL API would return it for its scalar fields, with object links
   * expanded one level (e.g. `fulfilmentChoice.deliveryType`, `retailer.id`) and `attributes`
   * as `[{name, type, value}]`. Used by jsonpath props such as `fulfilmentChoice.deliveryType`.
   */
  fields: Readonly<Record<string, unknown>>;
};

export type Setting = { name: string; value: string | null; lobValue: unknown; context: string; contextId: number };

/** Read-only queries available to rules and to the engine. */
export interface DomainReader {
  find(key: EntityKey): EntityView | undefined;
  /** Direct children of an entity of a given Fluent entity type (an order's FULFILMENTs, …). */
  children(parent: EntityKey, childEntityType: FluentEntityType): EntityView[];
  /**
   * Related records that are not orchestrateable entities, by GraphQL connection/list field
   * name, e.g. `related({entityType:'ORDER', id}, 'items')` → the order's items as plain records.
   */
  related(parent: EntityKey, field: string): Record<string, unknown>[];
  /**
   * The inventory positions of one product (by `productRef`) in one inventory catalogue, as
   * plain records. An index lookup: the cost is the product's positions, not the catalogue's.
   */
  inventoryPositions(catalogueRef: string, productRef: string): Record<string, unknown>[];
  /** The most specific setting: RETAILER context for the retailer, then ACCOUNT. */
  setting(name: string, retailerId: string | undefined): Setting | undefined;
}

/** Writes the engine may ask for. Each throws a SimError on bad input (unknown entity, …). */
export interface DomainPort extends DomainReader {
  setStatus(key: EntityKey, status: string): EntityView;
  /** Upserts attributes by name (as GraphQL updates do). */
  upsertAttributes(key: EntityKey, attributes: { name: string; type: string; value: unknown }[]): EntityView;
  /**
   * Runs one GraphQL mutation of the domain API by name with its `input`, exactly as a client
   * would (`createFulfilment`, `updateInventoryPosition`, …). Returns the resulting record.
   */
  mutate(mutation: string, input: Record<string, unknown>): Record<string, unknown>;
}

/** An event travelling through the engine (the platform's Event model, §3.2 and §5.3). */
export type OrchestrationEvent = {
  id: string;
  name: string;
  accountId: string;
  retailerId: string;
  entityType: FluentEntityType;
  entityId?: string | undefined;
  entityRef?: string | undefined;
  entitySubtype?: string | undefined;
  rootEntityType?: FluentEntityType | undefined;
  rootEntityId?: string | undefined;
  rootEntityRef?: string | undefined;
  attributes: Record<string, unknown>;
  /** ISO instant; the event waits for the virtual clock until then (status SCHEDULED). */
  scheduledOn?: string | undefined;
  /** Ids of the events that caused this one (context.sourceEvents). */
  sourceEvents: string[];
  meta?: Record<string, unknown> | undefined;
};

/** What a rule may ask for. The engine applies them in order, right after the rule ran. */
export type Effect =
  | { type: 'setStatus'; target: EntityKey; status: string }
  | { type: 'setAttributes'; target: EntityKey; attributes: { name: string; type: string; value: unknown }[] }
  | { type: 'mutate'; mutation: string; input: Record<string, unknown> }
  /** Same root entity → processed inline, after the current event; otherwise queued. */
  | { type: 'sendEvent'; event: Omit<OrchestrationEvent, 'id' | 'accountId' | 'sourceEvents'> & { delayMs?: number } }
  | { type: 'webhook'; name: string; url: string; target: EntityKey; attributes?: Record<string, unknown> }
  | { type: 'audit'; category: string; name: string; attributes: { name: string; type: string; value: unknown }[] };

export type RuleInput<Props> = {
  event: Readonly<OrchestrationEvent>;
  entity: Readonly<EntityView>;
  props: Props;
  now: Date;
  read: DomainReader;
};

export interface Rule<Props = unknown> {
  /** Registry key: namespace + rule name without the account prefix, e.g. `core.SetState`. */
  readonly name: string;
  /** Other registry keys served by the same implementation (`commonv2.ChangeStateGQL`, …). */
  readonly aliases?: readonly string[];
  /** One line, shown in /_sim/rules and README. */
  readonly description: string;
  /**
   * What of the behaviour the simulator chose where Fluent's docs are silent, in a few words;
   * shown as `[inferred]` in /_sim/rules and README. Absent when every part is documented.
   */
  readonly inferred?: string;
  readonly props: z.ZodType<Props>;
  run(input: RuleInput<Props>): readonly Effect[];
}

export const defineRule = <Props>(rule: Rule<Props>): Rule<Props> => rule;

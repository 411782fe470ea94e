/**
 * What the engine and rules see of the account's data, and the writes the engine may ask for.
 * Entities are addressed by Fluent entity type and id or ref; `domain-port.ts` implements
 * `DomainPort` over the store, through the same domain commands as the GraphQL mutations (so a
 * rule's `createFulfilment` is exactly the API's `createFulfilment`).
 */
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
  /**
   * The entity of `key.entityType` with ref `key.ref` whose root entity is `root`: refs are unique
   * per root only (a virtual position `<sku>:<location>` exists once per virtual catalogue). An
   * index lookup on the ref, whatever the root's size.
   */
  findUnder(root: EntityKey, key: { entityType: FluentEntityType; ref: string }): EntityView | undefined;
  /**
   * Direct children of an entity of a given Fluent entity type (an order's FULFILMENTs, …). The
   * parent may be a record rules look up that is not an orchestrateable entity: a customer's
   * billing accounts are `children({ entityType: 'CUSTOMER', id }, 'BILLING_ACCOUNT')`.
   */
  children(parent: EntityKey, childEntityType: FluentEntityType): EntityView[];
  /**
   * Related records that are not orchestrateable entities, by GraphQL connection/list field
   * name, e.g. `related({entityType:'ORDER', id}, 'items')` → the order's items as plain records
   * (read-only: the same objects are handed to every rule while the records are unchanged).
   * Links are expanded one level to their scalars, unless `expandLinks` is false: then each record
   * is its own scalars only, kept per record, so reading many (a position's quantities, for its
   * onHand) allocates nothing per record.
   */
  related(parent: EntityKey, field: string, options?: { expandLinks?: boolean }): readonly Readonly<Record<string, unknown>>[];
  /**
   * The inventory positions of one product (by `productRef`) in one inventory catalogue, as
   * plain records. An index lookup: the cost is the product's positions, not the catalogue's.
   */
  inventoryPositions(catalogueRef: string, productRef: string): Record<string, unknown>[];
  /**
   * The virtual catalogues fed by inventory catalogue `inventoryCatalogueRef` whose networks hold
   * location `locationRef` (all locations when a catalogue names no network [inferred]).
   */
  virtualCataloguesCovering(inventoryCatalogueRef: string, locationRef: string): EntityView[];
  /** The virtual catalogues whose `controlGroupRef` is `controlGroupRef` (workflow-contracts.md §4). */
  virtualCataloguesOfControlGroup(controlGroupRef: string): EntityView[];
  /**
   * The fulfilments sent from location `locationRef` (`Fulfilment.fromLocation`: a stored link or
   * the location of the fulfilment's `fromAddress`), in id order: what a store picks from.
   */
  fulfilmentsAtLocation(locationRef: string): EntityView[];
  /** The locations of the network whose ref is `networkRef`, in id order; none when it does not exist. */
  networkLocations(networkRef: string): EntityView[];
  /** Every location of the account, in id order (what an offline geocoder can match an address against). */
  locations(): EntityView[];
  /**
   * The most specific setting: LOCATION context for `locationId` when given, then RETAILER context
   * for the retailer, then ACCOUNT.
   */
  setting(name: string, retailerId: string | undefined, locationId?: string): Setting | undefined;
}

/** Writes the engine may ask for. Each throws a SimError on bad input (unknown entity, …). */
export interface DomainPort extends DomainReader {
  setStatus(key: EntityKey, status: string): EntityView;
  /** Upserts attributes by name (as GraphQL updates do). */
  upsertAttributes(key: EntityKey, attributes: { name: string; type: string; value: unknown }[]): EntityView;
  /**
   * Runs one mutation of the domain API by name with its `input` (`createFulfilment`,
   * `updateInventoryPosition`, …) through the domain commands, with the API's input checks.
   * Returns the resulting record as stored (links not expanded), read-only: never change it.
   */
  mutate(mutation: string, input: Record<string, unknown>): Readonly<Record<string, unknown>>;
}

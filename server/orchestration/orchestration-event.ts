/** The event the engine processes, as the platform models it. */
import type { FluentEntityType } from './domain-view.js';

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

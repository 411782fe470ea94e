/**
 * The API a rule module sees, in one import: the rule contract (`rule.ts`), the engine's view of
 * the data (`domain-view.ts`) and the event (`orchestration-event.ts`). Built-in and user rules
 * import from here; the engine's own code imports the modules themselves.
 */
export type { DomainPort, DomainReader, EntityKey, EntityView, FluentEntityType, Setting } from './domain-view.js';
export type { OrchestrationEvent } from './orchestration-event.js';
export { defineRule, type AnyRule, type Effect, type Rule, type RuleInput } from './rule.js';

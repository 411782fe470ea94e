/**
 * A rule: a pure function from an event, the entity it concerns and the rule's props to a list
 * of effects. Rules never write; only the engine's effect applier performs effects (design §3,
 * style §8).
 */
import type { z } from 'zod';
import type { EntityKey, EntityView, DomainReader } from './domain-view.js';
import type { OrchestrationEvent } from './orchestration-event.js';

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

/**
 * A rule of any props type, for collections of rules (the registry, the built-in list). `any`, not
 * `unknown`: `run` takes `Props` as input, so `Rule<SetStateProps>` is not a `Rule<unknown>`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one place the existential rule type is written
export type AnyRule = Rule<any>;

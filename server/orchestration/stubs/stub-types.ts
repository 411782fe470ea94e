/**
 * The shapes of a rule-stub file (docs/your-own-rules.md): one entry per custom rule, each a list
 * of building blocks. Plain data, produced by `parse-stub-file.ts` and run by `run-blocks.ts`.
 * Strings may hold templates (`{{props.eventName}}`, `{{event.attributes.x}}`, `{{entity.ref}}`).
 */

/** Where `sendEvent` sends: the event's entity, its order, every fulfilment of its order, its root. */
export const SEND_TARGETS = ['entity', 'order', 'fulfilments', 'root'] as const;
export type SendTarget = (typeof SEND_TARGETS)[number];

/** Which entity `setStatus` / `setAttributes` change, and which entity a condition reads. */
export const ENTITY_TARGETS = ['entity', 'order', 'root'] as const;
export type EntityTarget = (typeof ENTITY_TARGETS)[number];

/** A comparison on one value: exactly one of `equals`, `in`, `exists`. */
export type ValueTest = { equals?: unknown; in?: unknown; exists?: boolean };

export type Condition =
  | { type: 'always'; value: boolean }
  | { type: 'statusIn'; statuses: unknown; of: EntityTarget }
  | ({ type: 'attribute'; name: string; of: EntityTarget | 'event' } & ValueTest)
  | ({ type: 'path'; path: string } & ValueTest)
  | { type: 'every' | 'some'; over: 'fulfilments' | 'items'; condition: Condition }
  | { type: 'all' | 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

export type Block =
  | { type: 'sendEvent'; name: string; to: SendTarget; delay: string | number | undefined; attributes: Record<string, unknown> | undefined }
  | { type: 'branch'; label: string | undefined; if: Condition; then: Block[]; else: Block[]; pointer: string }
  | { type: 'setStatus'; status: string; on: EntityTarget }
  | { type: 'setAttributes'; attributes: Record<string, unknown>; on: EntityTarget }
  | { type: 'mutate'; mutation: string; input: Record<string, unknown> }
  | { type: 'webhook'; setting: string | undefined; name: string | undefined; url: string | undefined }
  | { type: 'noop'; note: string | undefined };

/** A prop the stub reads from the workflow's rule props. */
export type StubProp = { required: boolean; default?: unknown };

export type RuleStub = {
  /** As written in the file (`ACME.acme.CheckStatus`, `acme.CheckStatus`). */
  name: string;
  description: string | undefined;
  /** Replace a rule the simulator implements (refused otherwise). */
  override: boolean;
  props: Record<string, StubProp>;
  do: Block[];
  /** `stubs.json#/rules/2`. */
  location: string;
};

export type StubFile = { source: string; rules: RuleStub[] };

/**
 * Runs a stub's building blocks: turns them into the same `Effect`s library rules return, in
 * order, and records which branch each `branch` block took. Pure, like every rule: it reads
 * through the DomainReader and never writes; the engine applies the effects.
 */
import type { Effect, EntityView, RuleInput } from '../port.js';
import { sendWebhook } from '../rules/send-webhook.js';
import { entityKey } from '../rules/support/entity-key.js';
import { emit, eventFor, forwardEvent, type NewEvent } from '../rules/support/events.js';
import { orderOf } from '../rules/support/order-of.js';
import { delaySeconds } from '../rules/support/props.js';
import { entityAt, evaluateCondition, type ConditionInput } from './evaluate-condition.js';
import { render, renderRecord, renderText } from './stub-template.js';
import type { Block } from './stub-types.js';

/** One `branch` block's outcome: where it is (label or pointer) and which way it went. */
export type BranchTaken = { branch: string; taken: 'then' | 'else' };

export type BlockRun = ConditionInput & { input: RuleInput<Record<string, unknown>> };

function attributeType(value: unknown): string {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'JSON';
}

function required(value: string, what: string, template: string, run: BlockRun): string {
  if (value.length > 0) return value;
  throw new Error(`${run.stub}: ${what} "${template}" is empty for this event; give the workflow rule the prop it names, or a "default" in the stub`);
}

function sendEventEffects(block: Extract<Block, { type: 'sendEvent' }>, run: BlockRun): Effect[] {
  const name = required(renderText(block.name, run.scope), 'sendEvent name', block.name, run);
  const extra = block.attributes ? renderRecord(block.attributes, run.scope) : {};
  const delay = block.delay === undefined ? undefined : delayOf(block.delay, run);
  const targets: NewEvent[] =
    block.to === 'entity'
      ? [forwardEvent(run.event, run.entity, name)]
      : block.to === 'fulfilments'
        ? childrenOfOrder(run).map((fulfilment) => eventFor(fulfilment, name, run.event))
        : [eventFor(entityAt(block.to, run), name, run.event)];
  return targets.map((event) => {
    const withAttributes = { ...event, attributes: { ...event.attributes, ...extra } };
    return emit(delay !== undefined && delay > 0 ? { ...withAttributes, delayMs: delay } : withAttributes);
  });
}

function delayOf(template: string | number, run: BlockRun): number {
  const parsed = delaySeconds.safeParse(render(template, run.scope));
  if (parsed.success) return parsed.data;
  throw new Error(
    `${run.stub}: sendEvent delay "${template}" is not seconds or an ISO-8601 duration for this event (${parsed.error.issues[0]?.message ?? 'missing'})`,
  );
}

function childrenOfOrder(run: BlockRun): EntityView[] {
  const order = orderOf(run.entity, run.read, run.stub);
  return run.read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT');
}

function blockEffects(block: Block, run: BlockRun, branches: BranchTaken[]): Effect[] {
  switch (block.type) {
    case 'sendEvent':
      return sendEventEffects(block, run);
    case 'branch': {
      const taken = evaluateCondition(block.if, run) ? 'then' : 'else';
      branches.push({ branch: block.label ?? block.pointer, taken });
      return runBlocks(block[taken], run, branches);
    }
    case 'setStatus': {
      const status = required(renderText(block.status, run.scope), 'setStatus status', block.status, run);
      return [{ type: 'setStatus', target: entityKey(entityAt(block.on, run)), status }];
    }
    case 'setAttributes': {
      const attributes = Object.entries(block.attributes)
        .map(([name, template]) => ({ name, value: render(template, run.scope) }))
        .filter(({ value }) => value !== undefined && value !== null)
        .map(({ name, value }) => ({ name, type: attributeType(value), value }));
      return attributes.length === 0 ? [] : [{ type: 'setAttributes', target: entityKey(entityAt(block.on, run)), attributes }];
    }
    case 'mutate':
      return [{ type: 'mutate', mutation: renderText(block.mutation, run.scope), input: renderRecord(block.input, run.scope) }];
    case 'webhook':
      if (block.setting !== undefined) {
        return [...sendWebhook.run({ ...run.input, props: { setting: renderText(block.setting, run.scope) } })];
      }
      return [
        {
          type: 'webhook',
          name: renderText(block.name ?? '', run.scope),
          url: renderText(block.url ?? '', run.scope),
          target: entityKey(run.entity),
          attributes: { ...run.event.attributes },
        },
      ];
    case 'noop':
      return [];
    default: {
      const exhaustive: never = block;
      return exhaustive;
    }
  }
}

/** The effects of `blocks`, in order; every `branch` passed appends to `branches`. */
export function runBlocks(blocks: readonly Block[], run: BlockRun, branches: BranchTaken[]): Effect[] {
  return blocks.flatMap((block) => blockEffects(block, run, branches));
}

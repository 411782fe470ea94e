/**
 * `core.SetState`: moves the event's entity to `props.status`.
 *
 * Fluent: "SetState … produces a MutateAction that updates the status of the current entity"
 * and records a STATE_CHANGE audit (the engine's effect applier writes that audit, not the rule).
 * https://docs.fluentcommerce.com/building-blocks/setstate (fluent-platform.md §5.3, §5.4).
 * The order, commonv2 and legacy base libraries call the same behaviour `ChangeStateGQL`
 * ("changes the state of any type of incoming entity to the status provided";
 * https://docs.fluentcommerce.com/building-blocks/changestategql, which names SetState its successor).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';

export const setState = defineRule({
  name: 'core.SetState',
  aliases: ['commonv2.ChangeStateGQL', 'base.ChangeStateGQL', 'order.ChangeStateGQL'],
  description: 'Sets the status of the event entity to props.status.',
  props: z.object({ status: z.string().min(1) }),
  run: ({ entity, props }) => [{ type: 'setStatus', target: entityKey(entity), status: props.status }],
});

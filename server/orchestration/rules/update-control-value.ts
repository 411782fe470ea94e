/**
 * `commongi.UpdateControlValue` (global-inventory library, accepts CONTROL): the UpdateControl
 * event of the Control Group contract (workflow-contracts.md §4, H: control-group-workflow-
 * interface-contracts) — event attributes `controlValue` and `executionOrder`, both required
 * whole numbers — sets the control's `executionOrder` and its value through `updateControl`.
 *
 * Known by name from real CONTROL_GROUP workflows (real-world-usage.md, with `"props": null`). The
 * value is stored as the control's `values` attribute named `value` (type INTEGER) [inferred: the
 * docs do not say where a control keeps its value].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';

const NAME = 'commongi.UpdateControlValue';
const whole = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'Expected a whole number')
    .transform(Number),
]);

/** The event attributes read here, built once (a zod schema compiles on first use). */
const controlAttributes = z.object({ controlValue: whole, executionOrder: whole });

export const updateControlValue = defineRule({
  name: NAME,
  aliases: ['globalinventory.UpdateControlValue'],
  inferred: 'the value is kept as the control\'s values attribute "value"',
  description: "Sets the control's value and executionOrder from event attributes controlValue and executionOrder.",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    if (entity.entityType !== 'CONTROL') throw new Error(`${NAME} runs on CONTROL, not ${entity.entityType}.`);
    const { controlValue, executionOrder } = parseAttributes(event, controlAttributes, NAME);
    return [
      {
        type: 'mutate',
        mutation: 'updateControl',
        input: { ref: entity.ref, executionOrder, values: [{ name: 'value', type: 'INTEGER', value: controlValue }] },
      },
    ];
  },
});

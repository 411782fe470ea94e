/**
 * `commonv2.ScheduleFulfilmentExpiry` (Order Reference Module `order.…`, accepts FULFILMENT; H):
 * sets the fulfilment's `expiryTime` from the PICK_N_PACK_TIME_LIMIT setting of the location it
 * ships from, and schedules `FulfilmentExpiry` for that instant on the virtual clock. Nothing
 * happens when the location has no such setting (as the rule's page says of …ExpiryNow).
 * https://docs.fluentcommerce.com/building-blocks/schedulefulfilmentexpiry
 * The page lists no props; real workflows pass `eventName` (default FulfilmentExpiry). The
 * setting is looked up in LOCATION, then RETAILER, then ACCOUNT context; its value is minutes
 * [inferred]; opening hours and the location's time zone do not shift it [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { forwardEvent } from './support/events.js';

const NAME = 'commonv2.ScheduleFulfilmentExpiry';
const PICK_N_PACK_TIME_LIMIT = 'PICK_N_PACK_TIME_LIMIT';

export const scheduleFulfilmentExpiry = defineRule({
  name: NAME,
  aliases: ['order.ScheduleFulfilmentExpiry'],
  inferred: 'setting value in minutes; no opening-hours or time-zone shift',
  description: "Sets expiryTime from the location's PICK_N_PACK_TIME_LIMIT (minutes) and schedules props.eventName (FulfilmentExpiry) then.",
  props: z
    .object({ eventName: z.string().trim().min(1).default('FulfilmentExpiry') })
    .nullish()
    .transform((props) => props ?? { eventName: 'FulfilmentExpiry' }),
  run: ({ event, entity, props, read, now }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const location = read.related({ entityType: 'FULFILMENT', id: entity.id, ref: entity.ref }, 'fromLocation')[0];
    if (location === undefined) return [];
    const setting = read.setting(PICK_N_PACK_TIME_LIMIT, entity.retailerId ?? event.retailerId, String(location['id']));
    const minutes = Number(setting?.value ?? Number.NaN);
    if (!Number.isFinite(minutes) || minutes <= 0) return [];
    const delayMs = Math.round(minutes * 60_000);
    const expiryTime = new Date(now.getTime() + delayMs).toISOString();
    return [
      { type: 'mutate', mutation: 'updateFulfilment', input: { id: entity.id, expiryTime } },
      { type: 'sendEvent', event: { ...forwardEvent(event, entity, props.eventName), delayMs } },
    ];
  },
});

/**
 * `commongi.CreateFulfilmentForUnfulfillableItems` (accepts ORDER; H, workflow-contracts.md §5.2):
 * creates one "system rejected" fulfilment at location props.systemRejectedLocationRef for the
 * order quantity no location can give, every item requested and rejected in full.
 * Covering fulfilments: status in props.acceptedStatuses (any when absent) and not in
 * props.rejectedStatuses (default CANCELLED, REJECTED, EXPIRED, ESCALATED). A fulfilment already at
 * the system-rejected location always covers its items, so re-sourcing the order never rejects
 * the same quantity twice [inferred]. The type is props.fulfilmentType, else `<order type>_PFDC`
 * [inferred]. The location must exist.
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { fulfilmentInput, fulfilmentItemInputs, locationRefOf, NOT_LIVE, remainingItems, type Covers } from './support/order-sourcing.js';
import { statusList } from './support/props.js';

const NAME = 'commongi.CreateFulfilmentForUnfulfillableItems';

type Props = { systemRejectedLocationRef: string; acceptedStatuses?: string[] | undefined; rejectedStatuses?: string[] | undefined };

const coversFor =
  (props: Props, read: DomainReader): Covers =>
  (f: Readonly<EntityView>) => {
    if (locationRefOf(f, read) === props.systemRejectedLocationRef) return true;
    const status = f.status ?? '';
    return (props.acceptedStatuses === undefined || props.acceptedStatuses.includes(status)) && !(props.rejectedStatuses ?? NOT_LIVE).includes(status);
  };

export const createFulfilmentForUnfulfillableItems = defineRule({
  name: NAME,
  aliases: ['order.CreateFulfilmentForUnfulfillableItems', 'commonv2.CreateFulfilmentForUnfulfillableItems'],
  inferred: 'fulfilment type; quantity already at the system-rejected location is not rejected again',
  description: 'Creates a fulfilment at props.systemRejectedLocationRef for the order quantity no live fulfilment covers, all rejected.',
  props: z.object({
    systemRejectedLocationRef: z.string().trim().min(1),
    acceptedStatuses: statusList.optional(),
    rejectedStatuses: statusList.optional(),
    fulfilmentType: z.string().trim().min(1).optional(),
  }),
  run: ({ entity, props, read }) => {
    if (entity.entityType !== 'ORDER') throw new Error(`${NAME} runs on ORDER, not ${entity.entityType}.`);
    const location = read.find({ entityType: 'LOCATION', ref: props.systemRejectedLocationRef });
    if (!location) throw new Error(`${NAME}: location "${props.systemRejectedLocationRef}" does not exist; create it or fix props.systemRejectedLocationRef.`);
    const items = remainingItems(entity, read, coversFor(props, read)).map((item) => ({ id: item.id, ref: item.ref, quantity: item.remaining }));
    if (items.length === 0) return [];
    const type = props.fulfilmentType ?? `${entity.subtype ?? 'HD'}_PFDC`;
    return [
      { type: 'mutate', mutation: 'createFulfilment', input: fulfilmentInput(entity, read, { type, location, items: fulfilmentItemInputs(items, true) }) },
    ];
  },
});

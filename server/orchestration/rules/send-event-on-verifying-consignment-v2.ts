/**
 * `commonv2.SendEventOnVerifyingConsignmentV2` (real ORDER::HD workflows, real-world-usage.md):
 * on an ARTICLE, sends `eventName` to the article itself when it belongs to a consignment — one in
 * any of `status` when that prop is given [inferred: Fluent publishes no page for the V2 rule;
 * behaviour from its name]. The reference HD workflow uses it so that an article consigned after
 * its consignment was booked still gets `ConsignmentFinalised` (workflow-contracts.md §8).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'commonv2.SendEventOnVerifyingConsignmentV2';

export const sendEventOnVerifyingConsignmentV2 = defineRule({
  name: NAME,
  inferred: 'whole behaviour: article in a consignment (in props.status when given) → event to the article',
  description: 'Sends props.eventName to the article when it is in a consignment (whose status is in props.status, when given).',
  props: z.object({ eventName, status: statusList.optional() }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'ARTICLE') throw new Error(`${NAME} runs on ARTICLE, not ${entity.entityType}.`);
    const consignments = read
      .related({ entityType: 'ARTICLE', id: entity.id, ref: entity.ref }, 'consignmentArticles')
      .map((link) => link['consignment'])
      .map((c) => (c !== null && typeof c === 'object' && 'id' in c ? read.find({ entityType: 'CONSIGNMENT', id: String(c.id) }) : undefined))
      .filter((c) => c !== undefined);
    const verified = consignments.some((c) => props.status === undefined || (c.status !== undefined && props.status.includes(c.status)));
    return verified ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});

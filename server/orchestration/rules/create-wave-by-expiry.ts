/**
 * `fulfilment.CreateWaveByExpiry` (Fulfilment Reference Module, accepts LOCATION; ruleset
 * `CreateWaveByExpiry`, workflow-contracts.md §7): "Create a wave from fulfilments in statuses
 * {status}, prioritizing those with the earliest expiry" — the location's fulfilments in those
 * statuses that are in no wave yet, soonest expiry first, the first `maxCount` of them, in one
 * `createWave` mutation. https://docs.fluentcommerce.com/building-blocks/createwavebyexpiry
 *
 * Event attributes: `maxCount` (integer, required, positive), `userName` (optional).
 * Statuses: prop `statuses`, else the retailer setting AWAITING_WAVE_STATUSES (§12; a JSON list or
 * comma-separated), else `AWAITING_WAVE` [inferred]. Each fulfilment of the new wave is sent
 * `WaveCreate` (§7) [inferred: the contract names the event, not the rule that sends it]. No
 * eligible fulfilment: no wave.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { optionalText, parseAttributes } from './support/event-attributes.js';
import { statusList } from './support/props.js';
import { awaitingWaveStatuses, bySoonestExpiry, createWave, idsInWaves, locationOf } from './support/wave.js';

const NAME = 'fulfilment.CreateWaveByExpiry';

const attributes = z.object({ maxCount: z.coerce.number().int().positive() });

export const createWaveByExpiry = defineRule({
  name: NAME,
  inferred:
    'statuses from the setting when the prop is absent; expiry = expiryTime else createdOn; sends WaveCreate; wave ref and type; userName not naming a user kept as an attribute',
  description: 'Creates a wave of the first `maxCount` fulfilments of the location in props.statuses, soonest expiry first, and sends them WaveCreate.',
  props: z
    .object({ statuses: statusList.optional() })
    .nullish()
    .transform((props) => props ?? {}),
  run: ({ event, entity, props, read }) => {
    const location = locationOf(entity, NAME);
    const { maxCount } = parseAttributes(event, attributes, NAME);
    const statuses = props.statuses ?? awaitingWaveStatuses(read, event.retailerId);
    const taken = idsInWaves(read, location);
    const chosen = read
      .fulfilmentsAtLocation(location.ref ?? '')
      .filter((f) => f.status !== undefined && statuses.includes(f.status) && !taken.has(f.id))
      .sort(bySoonestExpiry)
      .slice(0, maxCount);
    return createWave(read, event, location, chosen, { userName: optionalText(event, 'userName') });
  },
});

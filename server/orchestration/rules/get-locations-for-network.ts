/**
 * `commonv2.GetLocationsForNetwork` (Order Reference Module, accepts ORDER): the first step of the
 * reference sourcing chain (workflow-contracts.md §5.2). Forwards the event as props.eventName
 * with attribute `locations`: the locations of network props.networkRef whose status is one of
 * props.locationStatuses (all when absent), each `{ref, type, latitude, longitude}` from its
 * primary address. Props as real HD workflows set them (real-world-usage.md).
 * The attribute's name and shape are [inferred]; an unknown network fails the event.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { sourcingScope } from './support/fulfilment-choice.js';
import { walk } from './support/json-path.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'commonv2.GetLocationsForNetwork';
const coordinate = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const getLocationsForNetwork = defineRule({
  name: NAME,
  aliases: ['order.GetLocationsForNetwork', 'base.GetLocationsForNetwork'],
  inferred: 'the locations attribute ({ref, type, latitude, longitude}) it writes',
  description: 'Forwards props.eventName with attribute locations: the locations of network props.networkRef in props.locationStatuses.',
  props: z.object({ eventName, networkRef: z.string().trim().min(1), locationStatuses: statusList.optional() }),
  run: ({ event, entity, props, read }) => {
    sourcingScope(entity, read, NAME);
    const members = read.networkLocations(props.networkRef);
    if (members.length === 0) throw new Error(`${NAME}: network "${props.networkRef}" does not exist or has no locations; fix props.networkRef.`);
    const locations = members
      .filter((l) => props.locationStatuses === undefined || (l.status !== undefined && props.locationStatuses.includes(l.status)))
      .flatMap((l) => {
        if (l.ref === undefined) return [];
        const address = l.fields['primaryAddress'];
        return [{ ref: l.ref, type: l.subtype, latitude: coordinate(walk(address, ['latitude'])), longitude: coordinate(walk(address, ['longitude'])) }];
      });
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, locations } })];
  },
});

/**
 * `fulfilment.CreateWaveByFulfilmentIds` (Fulfilment Reference Module, ruleset
 * `CreateWaveByUserSelection`, workflow-contracts.md §7): creates a wave at the location from the
 * fulfilments the user chose, skipping those already in a wave.
 * https://docs.fluentcommerce.com/building-blocks/createwavebyuserselection
 *
 * Event attributes: `fulfilmentIds` (list of ids, required, not empty), `waveName`, `userName` and
 * `maxCount` (optional; caps the wave, in the order given). An id that is not a fulfilment of this
 * location fails the event, naming it [inferred]. Each fulfilment of the new wave is sent
 * `WaveCreate` [inferred, as CreateWaveByExpiry]. Nothing left to wave: no wave.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, optionalText, parseAttributes } from './support/event-attributes.js';
import { createWave, idsInWaves, locationOf } from './support/wave.js';

const NAME = 'fulfilment.CreateWaveByFulfilmentIds';

const attributes = z.object({
  fulfilmentIds: z.array(z.union([z.string().trim().min(1), z.number().int()]).transform(String)).min(1),
  maxCount: z.coerce.number().int().positive().optional(),
});

export const createWaveByFulfilmentIds = defineRule({
  name: NAME,
  inferred: 'unknown or foreign ids fail the event; sends WaveCreate; wave ref and type; userName not naming a user kept as an attribute',
  description: 'Creates a wave of the fulfilments in `fulfilmentIds` not yet in a wave, and sends them WaveCreate.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const location = locationOf(entity, NAME);
    const { fulfilmentIds, maxCount } = parseAttributes(event, attributes, NAME);
    const here = new Map(read.fulfilmentsAtLocation(location.ref ?? '').map((f) => [f.id, f]));
    const unknown = fulfilmentIds.filter((id) => !here.has(id));
    if (unknown.length > 0) {
      throw new IllegalArgumentException(
        `${NAME}: fulfilmentIds ${unknown.map((id) => `"${id}"`).join(', ')} are not fulfilments of location "${location.ref}".`,
      );
    }
    const taken = idsInWaves(read, location);
    const chosen = [...new Set(fulfilmentIds)]
      .filter((id) => !taken.has(id))
      .map((id) => here.get(id))
      .filter((f) => f !== undefined)
      .slice(0, maxCount);
    return createWave(read, event, location, chosen, { name: optionalText(event, 'waveName'), userName: optionalText(event, 'userName') });
  },
});

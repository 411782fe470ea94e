import { describe, expect, it } from 'vitest';
import { createWaveByFulfilmentIds as rule } from '../../../server/orchestration/rules/create-wave-by-fulfilment-ids.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, store, waveWith, world } from './wave-world.js';

const [f1, f2, f3] = ['1', '2', '3'].map((id) => atStore(id, 'AWAITING_WAVE'));
const data = world([f1!, f2!, f3!], [{ wave: waveWith('9'), members: ['2'] }]);
const run = (attributes: Record<string, unknown>) => rule.run(ruleInput(store, null, { event: eventOn(store, 'CreateWaveByUserSelection', attributes), data }));

describe('fulfilment.CreateWaveByFulfilmentIds', () => {
  it.each([
    { case: 'the chosen ids, numbers or strings', attributes: { fulfilmentIds: [3, '1'] }, chosen: ['3', '1'] },
    { case: 'skips one already in a wave', attributes: { fulfilmentIds: ['1', '2'] }, chosen: ['1'] },
    { case: 'capped by maxCount', attributes: { fulfilmentIds: ['1', '3'], maxCount: 1 }, chosen: ['1'] },
    { case: 'all already waved: no wave', attributes: { fulfilmentIds: ['2'] }, chosen: [] },
  ])('$case', ({ attributes, chosen }) => {
    const effects = run(attributes);
    expect(effects.filter((e) => e.type === 'sendEvent').map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityId])).toEqual(
      chosen.map((id) => ['WaveCreate', id]),
    );
    if (chosen.length > 0)
      expect(effects[0]).toMatchObject({ mutation: 'createWave', input: { ref: 'LOC_MEL-W2', fulfilments: chosen.map((id) => ({ id })) } });
  });

  it('names the wave waveName', () => {
    expect(run({ fulfilmentIds: ['1'], waveName: 'Morning' })[0]).toMatchObject({ input: { name: 'Morning' } });
  });

  it.each([
    { attributes: {}, message: /"fulfilmentIds"/ },
    { attributes: { fulfilmentIds: [] }, message: /"fulfilmentIds"/ },
    { attributes: { fulfilmentIds: ['1', '77'] }, message: /"77" are not fulfilments of location "LOC_MEL"/ },
  ])('fails for $attributes', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { createWaveByExpiry as rule } from '../../../server/orchestration/rules/create-wave-by-expiry.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { atStore, store, waveWith, world } from './wave-world.js';

const f1 = atStore('1', 'AWAITING_WAVE', { expiryTime: '2026-01-15T12:00:00.000Z' });
const f2 = atStore('2', 'AWAITING_WAVE', { expiryTime: '2026-01-15T10:00:00.000Z' });
const f3 = atStore('3', 'AWAITING_WAVE'); // no expiry: createdOn 09:00
const f4 = atStore('4', 'ASSIGNED');
const waveEvents = (effects: ReturnType<typeof rule.run>) =>
  effects.filter((e) => e.type === 'sendEvent').map((e) => e.type === 'sendEvent' && e.event.entityId);
const waveInput = (effects: ReturnType<typeof rule.run>) => effects.find((e) => e.type === 'mutate');

describe('fulfilment.CreateWaveByExpiry', () => {
  it.each([
    { case: 'soonest expiry first, createdOn without one', maxCount: 2, props: {}, waves: [], chosen: ['3', '2'] },
    { case: 'maxCount larger than what waits', maxCount: '10', props: {}, waves: [], chosen: ['3', '2', '1'] },
    { case: 'skips fulfilments already in a wave', maxCount: 5, props: {}, waves: [{ wave: waveWith('9'), members: ['3'] }], chosen: ['2', '1'] },
    { case: 'props.statuses chooses the statuses', maxCount: 5, props: { statuses: 'ASSIGNED' }, waves: [], chosen: ['4'] },
    { case: 'nothing eligible: no wave', maxCount: 5, props: { statuses: ['PROCESSING'] }, waves: [], chosen: [] },
  ])('$case', ({ maxCount, props, waves, chosen }) => {
    const effects = rule.run(
      ruleInput(store, rule.props.parse(props), { event: eventOn(store, 'CreateWaveByExpiry', { maxCount }), data: world([f1, f2, f3, f4], waves) }),
    );
    expect(waveEvents(effects)).toEqual(chosen);
    if (chosen.length === 0) return expect(effects).toEqual([]);
    expect(waveInput(effects)).toEqual({
      type: 'mutate',
      mutation: 'createWave',
      input: {
        ref: `LOC_MEL-W${waves.length + 1}`,
        type: 'STORE',
        retailer: { id: '1' },
        location: { id: 'l1' },
        fulfilments: chosen.map((id) => ({ id })),
      },
    });
    expect(effects.filter((e) => e.type === 'sendEvent').every((e) => e.type === 'sendEvent' && e.event.name === 'WaveCreate')).toBe(true);
  });

  it('reads the AWAITING_WAVE_STATUSES setting when props name no statuses, and keeps userName on the wave', () => {
    const setting = { name: 'AWAITING_WAVE_STATUSES', value: '["ASSIGNED"]', lobValue: null, context: 'RETAILER', contextId: 1 };
    const data = { ...world([f1, f4]), settings: [setting] };
    const effects = rule.run(ruleInput(store, rule.props.parse(null), { event: eventOn(store, 'CreateWaveByExpiry', { maxCount: 5, userName: 'kim' }), data }));
    expect(waveEvents(effects)).toEqual(['4']);
    expect(waveInput(effects)).toMatchObject({ input: { attributes: [{ name: 'userName', type: 'STRING', value: 'kim' }] } });
  });

  it.each([
    { case: 'an existing user: allocatedTo', users: [entity({ entityType: 'USER', id: 'u7', ref: 'kim' })], allocatedTo: { id: 'u7' }, attributes: undefined },
    { case: 'no such user: kept as an attribute', users: [], allocatedTo: undefined, attributes: [{ name: 'userName', type: 'STRING', value: 'kim' }] },
  ])('userName naming $case', ({ users, allocatedTo, attributes }) => {
    const data = world([f1]);
    data.entities!.push(...users);
    const effects = rule.run(ruleInput(store, rule.props.parse(null), { event: eventOn(store, 'CreateWaveByExpiry', { maxCount: 5, userName: 'kim' }), data }));
    const mutate = waveInput(effects);
    const input = mutate?.type === 'mutate' ? mutate.input : {};
    expect([input['allocatedTo'], input['attributes']]).toEqual([allocatedTo, attributes]);
  });

  it.each([{ attributes: {} }, { attributes: { maxCount: 0 } }, { attributes: { maxCount: 'many' } }, { attributes: { maxCount: 1.5 } }])(
    'fails naming maxCount for attributes $attributes',
    ({ attributes }) => {
      expect(() => rule.run(ruleInput(store, {}, { event: eventOn(store, 'CreateWaveByExpiry', attributes), data: world([f1]) }))).toThrow(/"maxCount"/);
    },
  );

  it('runs on a LOCATION only, and rejects an empty statuses prop', () => {
    expect(() => rule.run(ruleInput(f1, {}, { event: eventOn(f1, 'X', { maxCount: 1 }) }))).toThrow(/runs on a LOCATION/);
    expect(rule.props.safeParse({ statuses: [] }).success).toBe(false);
  });
});

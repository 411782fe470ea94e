import { describe, expect, it } from 'vitest';
import { notifyFulfilmentsInWave as rule } from '../../../server/orchestration/rules/notify-fulfilments-in-wave.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, waveWith, world } from './wave-world.js';

const wave = waveWith('9', 'PICKED');
const data = world([atStore('1', 'FULFILLED'), atStore('2', 'FULFILLED')], [{ wave, members: ['1', '2'] }]);
const box = { packaging_name: 'Box', length: '30', width: '20', height: '10', weight: '1.5' };
const parsedBox = { packaging_name: 'Box', length: 30, width: 20, height: 10, weight: 1.5 };
const run = (attributes: Record<string, unknown>) =>
  rule.run(ruleInput(wave, rule.props.parse({ eventName: 'WaveDispatchInitiated' }), { event: eventOn(wave, 'WaveDispatch', attributes), data }));

describe('fulfilment.NotifyFulfilmentsInWave', () => {
  it.each([
    { case: 'each fulfilment gets its own articles', attributes: { allFulfilmentArticles: { 1: [box], 2: [box, box] } }, counts: [1, 2] },
    { case: 'one the map leaves out gets none', attributes: { allFulfilmentArticles: { 2: [box] } }, counts: [undefined, 1] },
    { case: "or the event's fulfilmentArticles", attributes: { allFulfilmentArticles: { 2: [box] }, fulfilmentArticles: [box] }, counts: [1, 1] },
  ])('$case', ({ attributes, counts }) => {
    const events = run(attributes).map((e) => (e.type === 'sendEvent' ? e.event : undefined));
    expect(events.map((e) => [e?.name, e?.entityType, e?.entityId])).toEqual([
      ['WaveDispatchInitiated', 'FULFILMENT', '1'],
      ['WaveDispatchInitiated', 'FULFILMENT', '2'],
    ]);
    expect(events.map((e) => (e?.attributes['fulfilmentArticles'] as unknown[] | undefined)?.length)).toEqual(counts);
    expect(events[1]?.attributes['fulfilmentArticles']).toEqual(expect.arrayContaining([parsedBox]));
  });

  it.each([
    { attributes: {}, message: /"allFulfilmentArticles"/ },
    { attributes: { allFulfilmentArticles: { 1: [{ ...box, weight: undefined }] } }, message: /"allFulfilmentArticles\.1\[0\]\.weight"/ },
    { attributes: { allFulfilmentArticles: { 1: [{ ...box, length: 'long' }] } }, message: /length/ },
    { attributes: { allFulfilmentArticles: { 5: [box] } }, message: /"5", not fulfilments of wave "LOC_MEL-W9"/ },
  ])('fails for $attributes', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });
});

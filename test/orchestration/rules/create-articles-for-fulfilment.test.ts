import { describe, expect, it } from 'vitest';
import { createArticlesForFulfilment as rule } from '../../../server/orchestration/rules/create-articles-for-fulfilment.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'FULFILLED');
const box = { packaging_name: 'Box', length: '30', width: '20', height: '10', weight: '2', maxWeight: '5' };
const run = (props: unknown, fulfilmentArticles: unknown, data = world([f1])) =>
  rule.run(ruleInput(f1, rule.props.parse(props), { event: eventOn(f1, 'WaveDispatchInitiated', { fulfilmentArticles }), data }));

describe('order.CreateArticlesForFulfilment', () => {
  it.each([
    { props: {}, dims: { length: 30, width: 20, height: 10, weight: 2 }, maxWeight: '5' },
    {
      props: { distanceMeasurementUnit: 'metres', weightMeasurementUnit: 'pounds' },
      dims: { length: 0.3, width: 0.2, height: 0.1, weight: 4.409 },
      maxWeight: '11.023',
    },
    {
      props: { distanceMeasurementUnit: 'mm', weightMeasurementUnit: 'grams' },
      dims: { length: 300, width: 200, height: 100, weight: 2000 },
      maxWeight: '5000',
    },
  ])('creates one article per packed parcel in $props', ({ props, dims, maxWeight }) => {
    expect(run(props, [box])).toEqual([
      {
        type: 'mutate',
        mutation: 'createArticle',
        input: {
          ref: 'HD-1-1-A1',
          type: 'DEFAULT',
          name: 'Box',
          ...dims,
          fulfilments: [{ id: '1' }],
          attributes: [{ name: 'maxWeight', type: 'STRING', value: maxWeight }],
        },
      },
    ]);
  });

  it('numbers articles after those the fulfilment has', () => {
    const data = world([f1]);
    data.entities!.push(entity({ entityType: 'ARTICLE', id: 'a1', root: { entityType: 'FULFILMENT', id: '1', ref: 'HD-1-1' } }));
    const { maxWeight: _, ...plain } = box;
    expect(run(null, [plain, plain], data).map((e) => e.type === 'mutate' && e.input['ref'])).toEqual(['HD-1-1-A2', 'HD-1-1-A3']);
  });

  it.each([
    { articles: undefined, message: /"fulfilmentArticles"/ },
    { articles: [], message: /"fulfilmentArticles"/ },
    { articles: [{ ...box, packaging_name: undefined }], message: /"fulfilmentArticles\[0\]\.packaging_name"/ },
  ])('fails for fulfilmentArticles $articles', ({ articles, message }) => {
    expect(() => run({}, articles)).toThrow(message);
  });

  it('fails for a fulfilment without items, and refuses unknown units', () => {
    const data = world([f1]);
    data.related!['FULFILMENT:1:items'] = [];
    expect(() => run({}, [box], data)).toThrow(/no fulfilment items found/);
    expect(rule.props.safeParse({ distanceMeasurementUnit: 'furlongs' }).success).toBe(false);
    expect(rule.props.safeParse({ weightMeasurementUnit: 'stone' }).success).toBe(false);
  });
});

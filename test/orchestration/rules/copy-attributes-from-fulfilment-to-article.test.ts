import { describe, expect, it } from 'vitest';
import { copyAttributesFromFulfilmentToArticle as rule } from '../../../server/orchestration/rules/copy-attributes-from-fulfilment-to-article.js';
import { entity, ROOT, ruleInput } from './fake-reader.js';
import { atStore } from './wave-world.js';

const attr = (name: string, value: unknown, type = 'STRING') => ({ name, type, value });
const f1 = atStore('1', 'FULFILLED', { attributes: [attr('FULFILMENTTYPE', 'HD_PFS'), attr('carrierService', 'EXPRESS'), { name: 'broken' }] });
const f2 = atStore('2', 'FULFILLED', { attributes: [attr('carrierService', 'OVERNIGHT'), attr('parcels', 2, 'INTEGER')] });
const article = entity({ entityType: 'ARTICLE', id: 'a1', ref: 'HD-1-1-A1', root: { ...ROOT } });
const dataFor = (fulfilments: string[]) => ({
  entities: [f1, f2, atStore('3', 'FULFILLED'), article],
  related: { 'ARTICLE:a1:fulfilments': fulfilments.map((id) => ({ id })) },
});

describe('commonv2.CopyAttributesFromFulfilmentToArticle', () => {
  it.each([
    { case: 'all attributes of its fulfilment', from: ['1'], props: undefined, copied: [attr('FULFILMENTTYPE', 'HD_PFS'), attr('carrierService', 'EXPRESS')] },
    { case: 'only the named ones', from: ['1'], props: { attributeNames: 'carrierService, missing' }, copied: [attr('carrierService', 'EXPRESS')] },
    {
      case: 'those of several fulfilments, the last one winning a name',
      from: ['1', '2'],
      props: { attributeNames: ['carrierService', 'parcels'] },
      copied: [attr('carrierService', 'OVERNIGHT'), attr('parcels', 2, 'INTEGER')],
    },
    { case: 'nothing from a fulfilment without attributes', from: ['3'], props: {}, copied: [] },
    { case: 'nothing for an article of no fulfilment', from: [], props: null, copied: [] },
  ])('copies $case', ({ from, props, copied }) => {
    const effects = rule.run(ruleInput(article, rule.props.parse(props), { data: dataFor(from) }));
    expect(effects).toEqual(
      copied.length === 0 ? [] : [{ type: 'setAttributes', target: { entityType: 'ARTICLE', id: 'a1', ref: 'HD-1-1-A1' }, attributes: copied }],
    );
  });

  it('runs on ARTICLE only; attributeNames, when given, is not empty', () => {
    expect(() => rule.run(ruleInput(f1, rule.props.parse({}), { data: dataFor(['1']) }))).toThrow(/runs on ARTICLE, not FULFILMENT/);
    expect(rule.props.safeParse({ attributeNames: [] }).success).toBe(false);
  });
});

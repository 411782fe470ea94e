import { describe, expect, it } from 'vitest';
import { createDemoConsignment as rule } from '../../../server/orchestration/rules/create-demo-consignment.js';
import { entity, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'FULFILLED');
const article = (id: string) => entity({ entityType: 'ARTICLE', id, ref: `HD-1-1-A${id}`, root: { entityType: 'FULFILMENT', id: '1', ref: 'HD-1-1' } });
const carrier = entity({ entityType: 'CARRIER', id: 'c1', ref: 'AUSPOST' });
const props = rule.props.parse({ carrierRef: 'AUSPOST', labelUrl: 'https://labels.example.com/1.pdf' });
const dataWith = (consigned: string[]) => {
  const data = world([f1]);
  data.entities!.push(carrier, article('1'), article('2'));
  for (const id of consigned) data.related![`ARTICLE:${id}:consignmentArticles`] = [{ id: `ca${id}` }];
  return data;
};

describe('commonv2.CreateDemoConsignment', () => {
  it.each([
    { case: "the fulfilment's articles", on: f1, consigned: [], articles: ['1', '2'], ref: 'HD-1-1-C1' },
    { case: 'only those not yet consigned', on: f1, consigned: ['1'], articles: ['2'], ref: 'HD-1-1-C2' },
    { case: 'an article', on: article('2'), consigned: [], articles: ['2'], ref: 'HD-1-1-A2-C2' },
    { case: 'nothing left to consign', on: f1, consigned: ['1', '2'], articles: [], ref: '' },
  ])('books $case', ({ on, consigned, articles, ref }) => {
    const effects = rule.run(ruleInput(on, props, { data: dataWith(consigned) }));
    expect(effects).toEqual(
      articles.length === 0
        ? []
        : [
            {
              type: 'mutate',
              mutation: 'createConsignment',
              input: {
                ref,
                consignmentReference: ref,
                labelUrl: 'https://labels.example.com/1.pdf',
                carrier: { id: 'c1' },
                retailer: { id: '1' },
                consignmentArticles: articles.map((id) => ({ article: { id } })),
              },
            },
          ],
    );
  });

  it('fails for an unknown carrier, and needs both props', () => {
    const unknown = rule.props.parse({ carrierRef: 'NOPE', labelUrl: 'x' });
    expect(() => rule.run(ruleInput(f1, unknown, { data: dataWith([]) }))).toThrow(/carrier "NOPE" does not exist/);
    expect(rule.props.safeParse({ carrierRef: 'AUSPOST' }).success).toBe(false);
    expect(rule.props.safeParse({ labelUrl: 'x' }).success).toBe(false);
  });
});

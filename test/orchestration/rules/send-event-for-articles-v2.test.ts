import { describe, expect, it } from 'vitest';
import { sendEventForArticlesV2 as rule } from '../../../server/orchestration/rules/send-event-for-articles-v2.js';
import { entity, eventOn, hdOrder, ROOT, ruleInput } from './fake-reader.js';
import { atStore } from './wave-world.js';

const f1 = atStore('1', 'FULFILLED');
const article = (id: string, root = { entityType: 'FULFILMENT', id: '1', ref: 'HD-1-1' }) => entity({ entityType: 'ARTICLE', id, ref: `HD-1-1-A${id}`, root });
const consignment = entity({ entityType: 'CONSIGNMENT', id: 'c1', ref: 'HD-1-1-C1', status: 'PROCESSING', root: { ...ROOT } });
const data = {
  entities: [f1, consignment, article('1'), article('2'), article('3', { entityType: 'FULFILMENT', id: '9', ref: 'HD-1-9' })],
  related: { 'CONSIGNMENT:c1:consignmentArticles': [{ article: { id: '1' } }, { article: { id: '3' } }, { article: null }] },
};
const props = rule.props.parse({ eventName: 'ConsignmentFinalised' });

describe('commonv2.SendEventForArticlesV2', () => {
  it.each([
    { case: 'a consignment: each of its articles', on: consignment, targets: ['1', '3'] },
    { case: 'a fulfilment: each of its articles', on: f1, targets: ['1', '2'] },
    { case: 'a fulfilment without articles: nothing', on: atStore('5', 'FULFILLED'), targets: [] },
  ])('from $case', ({ on, targets }) => {
    const effects = rule.run(ruleInput(on, props, { event: eventOn(on, 'ConsignmentBooked', { carrier: 'AUSPOST' }), data }));
    expect(effects.map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityType, e.event.entityId, e.event.attributes])).toEqual(
      targets.map((id) => ['ConsignmentFinalised', 'ARTICLE', id, { carrier: 'AUSPOST' }]),
    );
  });

  it('runs on CONSIGNMENT or FULFILMENT only, and needs eventName', () => {
    expect(() => rule.run(ruleInput(hdOrder(), props, { data }))).toThrow(/runs on CONSIGNMENT or FULFILMENT/);
    expect(rule.props.safeParse({}).success).toBe(false);
    expect(rule.props.safeParse({ eventName: ' ' }).success).toBe(false);
  });
});

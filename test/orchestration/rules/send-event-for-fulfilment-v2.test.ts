import { describe, expect, it } from 'vitest';
import { sendEventForFulfilmentV2 as rule } from '../../../server/orchestration/rules/send-event-for-fulfilment-v2.js';
import { entity, eventOn, hdOrder, ROOT, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const article = entity({ entityType: 'ARTICLE', id: 'a1', root: { ...ROOT } });
const data = world([atStore('1', 'AWAITING_COURIER_COLLECTION'), atStore('2', 'AWAITING_COURIER_COLLECTION')]);
data.related!['ARTICLE:a1:fulfilments'] = [{ id: '1' }, { id: '2' }];
const props = rule.props.parse({ eventName: 'ArticleCollected' });

describe('commonv2.SendEventForFulfilmentV2', () => {
  it.each([
    { case: 'an article: each of its fulfilments', on: article, targets: ['1', '2'] },
    { case: 'a fulfilment: itself', on: atStore('2', 'X'), targets: ['2'] },
  ])('from $case', ({ on, targets }) => {
    const effects = rule.run(ruleInput(on, props, { event: eventOn(on, 'ARTICLE_COLLECTED', { by: 'courier' }), data }));
    expect(
      effects.map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityType, e.event.entityId, e.event.rootEntityRef, e.event.attributes]),
    ).toEqual(targets.map((id) => ['ArticleCollected', 'FULFILMENT', id, 'HD-1', { by: 'courier' }]));
  });

  it('runs on ARTICLE or FULFILMENT only, and needs eventName', () => {
    expect(() => rule.run(ruleInput(hdOrder(), props, { data }))).toThrow(/runs on ARTICLE or FULFILMENT/);
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});

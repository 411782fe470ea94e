import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingAllArticleStates as rule } from '../../../server/orchestration/rules/send-event-on-verifying-all-article-states.js';
import { entity, hdOrder, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'AWAITING_COURIER_COLLECTION');
const article = (id: string, status: string) => entity({ entityType: 'ARTICLE', id, status, root: { entityType: 'FULFILMENT', id: '1', ref: 'HD-1-1' } });
const props = rule.props.parse({ eventName: 'AllArticlesCollected', status: ['COLLECTED', 'CANCELLED'] });

describe('order.SendEventOnVerifyingAllArticleStates', () => {
  it.each([
    { states: ['COLLECTED'], sends: true },
    { states: ['COLLECTED', 'CANCELLED'], sends: true },
    { states: ['COLLECTED', 'AWAITING_COURIER_COLLECTION'], sends: false },
    { states: [], sends: false },
  ])('articles in $states, from the fulfilment and from the order: sends $sends', ({ states, sends }) => {
    const data = world([f1]);
    data.entities!.push(...states.map((s, i) => article(`a${i}`, s)));
    for (const on of [f1, hdOrder('AWAITING_COURIER_COLLECTION')]) {
      const effects = rule.run(ruleInput(on, props, { data }));
      expect(effects.map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityType, e.event.entityId])).toEqual(
        sends ? [['AllArticlesCollected', on.entityType, on.id]] : [],
      );
    }
  });

  it('runs on ORDER or FULFILMENT only, and needs both props', () => {
    expect(() => rule.run(ruleInput(article('a1', 'COLLECTED'), props))).toThrow(/runs on ORDER or FULFILMENT/);
    expect(rule.props.safeParse({ eventName: 'E' }).success).toBe(false);
    expect(rule.props.safeParse({ status: ['A'] }).success).toBe(false);
  });
});

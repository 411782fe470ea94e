import { describe, expect, it } from 'vitest';
import { sendEventOnVerifyingConsignmentV2 as rule } from '../../../server/orchestration/rules/send-event-on-verifying-consignment-v2.js';
import { entity, eventOn, type FakeData, ROOT, ruleInput } from './fake-reader.js';
import { atStore } from './wave-world.js';

const article = entity({ entityType: 'ARTICLE', id: 'a1', ref: 'HD-1-1-A1', status: 'PENDING_CONSIGNMENT', root: { ...ROOT } });
const consignment = (status: string) => entity({ entityType: 'CONSIGNMENT', id: 'c1', ref: 'HD-1-1-C1', status, root: { ...ROOT } });
const dataWith = (status: string | undefined): FakeData => ({
  entities: status === undefined ? [article] : [article, consignment(status)],
  related: status === undefined ? {} : { 'ARTICLE:a1:consignmentArticles': [{ consignment: { id: 'c1' } }] },
});

describe('commonv2.SendEventOnVerifyingConsignmentV2', () => {
  it.each([
    { case: 'in a consignment in one of the statuses', status: 'ACTIVE_LODGED', props: { status: ['ACTIVE_LODGED'] }, sends: true },
    { case: 'in a consignment in another status', status: 'PROCESSING', props: { status: 'ACTIVE_LODGED, ACTIVE_SENT' }, sends: false },
    { case: 'in a consignment, no status prop', status: 'PROCESSING', props: {}, sends: true },
    { case: 'in no consignment', status: undefined, props: {}, sends: false },
  ])('article $case → sends: $sends', ({ status, props, sends }) => {
    const parsed = rule.props.parse({ eventName: 'ConsignmentFinalised', ...props });
    const effects = rule.run(ruleInput(article, parsed, { event: eventOn(article, 'CREATE'), data: dataWith(status) }));
    expect(effects.map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityType, e.event.entityId])).toEqual(
      sends ? [['ConsignmentFinalised', 'ARTICLE', 'a1']] : [],
    );
  });

  it('runs on ARTICLE only, and needs eventName and a non-empty status list when given', () => {
    const props = rule.props.parse({ eventName: 'X' });
    expect(() => rule.run(ruleInput(atStore('1', 'FULFILLED'), props))).toThrow(/runs on ARTICLE, not FULFILMENT/);
    expect(rule.props.safeParse({}).success).toBe(false);
    expect(rule.props.safeParse({ eventName: 'X', status: [] }).success).toBe(false);
  });
});

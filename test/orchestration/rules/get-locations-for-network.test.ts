import { describe, expect, it } from 'vitest';
import { getLocationsForNetwork as rule } from '../../../server/orchestration/rules/get-locations-for-network.js';
import { entity, eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { sent, world } from './sourcing-world.js';

describe('commonv2.GetLocationsForNetwork', () => {
  it.each([
    { title: 'every location of the network', props: {}, refs: ['STORE-1', 'DC-1', 'FAR-1'] },
    { title: 'only the statuses asked for', props: { locationStatuses: 'INACTIVE' }, refs: [] },
    { title: 'ACTIVE ones', props: { locationStatuses: ['ACTIVE'] }, refs: ['STORE-1', 'DC-1', 'FAR-1'] },
  ])('forwards $title as attribute locations', ({ props, refs }) => {
    const order = hdOrder();
    const parsed = rule.props.parse({ eventName: 'Next', networkRef: 'BASE', ...props });
    const effects = rule.run(ruleInput(order, parsed, { event: eventOn(order, 'FindAndCreateOrderFulfilment', { keep: 1 }), data: world() }));
    expect(effects).toMatchObject([{ type: 'sendEvent', event: { name: 'Next', entityType: 'ORDER', attributes: { keep: 1 } } }]);
    const locations = sent(effects).attributes['locations'] as { ref: string }[];
    expect(locations.map((l) => l.ref)).toEqual(refs);
    if (refs.length) expect(locations[0]).toEqual({ ref: 'STORE-1', type: 'STORE', latitude: -37.81, longitude: 144.96 });
  });

  it.each([
    { title: 'an unknown network', entityType: 'ORDER', networkRef: 'NOPE', error: /network "NOPE" does not exist/ },
    { title: 'an entity that is not an ORDER', entityType: 'LOCATION', networkRef: 'BASE', error: /runs on ORDER/ },
  ])('fails on $title', ({ entityType, networkRef, error }) => {
    const target = entityType === 'ORDER' ? hdOrder() : entity({ entityType, id: 'x' });
    expect(() => rule.run(ruleInput(target, rule.props.parse({ eventName: 'Next', networkRef }), { data: world() }))).toThrow(error);
  });

  it.each([{}, { eventName: 'Next' }, { networkRef: 'BASE' }])('refuses props %j', (props) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

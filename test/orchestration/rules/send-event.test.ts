import { describe, expect, it } from 'vitest';
import { sendEvent } from '../../../server/orchestration/rules/send-event.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const fulfilment = entity({
  entityType: 'FULFILMENT',
  id: 'f1',
  ref: 'HD-1-F1',
  subtype: 'HD_PFDC',
  root: { entityType: 'ORDER', id: 'o1', ref: 'HD-1' },
});

describe('core.SendEvent', () => {
  it.each([
    { attributes: {}, eventName: 'ProcessOrder' },
    { attributes: { reason: 'late', qty: 2 }, eventName: 'Next' },
  ])('sends $eventName with the same context and attributes $attributes', ({ attributes, eventName }) => {
    const event = eventOn(fulfilment, 'WaveCreate', attributes);
    const effects = sendEvent.run(ruleInput(fulfilment, sendEvent.props.parse({ eventName }), { event }));
    expect(effects).toEqual([
      {
        type: 'sendEvent',
        event: {
          name: eventName,
          retailerId: '1',
          entityType: 'FULFILMENT',
          entityId: 'f1',
          entityRef: 'HD-1-F1',
          entitySubtype: 'HD_PFDC',
          rootEntityType: 'ORDER',
          rootEntityId: 'o1',
          rootEntityRef: 'HD-1',
          attributes,
        },
      },
    ]);
  });

  it('fills the entity id and subtype from the snapshot when the event named the entity by ref only', () => {
    const event = { ...eventOn(fulfilment), entityId: undefined, entitySubtype: undefined };
    const [effect] = sendEvent.run(ruleInput(fulfilment, { eventName: 'X' }, { event }));
    expect(effect).toMatchObject({ event: { entityId: 'f1', entitySubtype: 'HD_PFDC' } });
  });

  it.each([{ props: {} }, { props: { eventName: ' ' } }, { props: null }])('rejects props $props', ({ props }) => {
    expect(sendEvent.props.safeParse(props).success).toBe(false);
  });

  it('serves SendEventGQL and Forward', () => {
    expect(sendEvent.aliases).toEqual(expect.arrayContaining(['commonv2.SendEventGQL', 'commongi.Forward']));
  });
});

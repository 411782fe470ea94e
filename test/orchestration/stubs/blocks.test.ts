import { describe, expect, it } from 'vitest';
import { entity, eventOn, fakeReader, fulfilment, hdOrder, ROOT } from '../rules/fake-reader.js';
import { runStub, stubOf } from './stub-helpers.js';

const order = hdOrder('BOOKED', { totalPrice: 120 });
const f1 = fulfilment('f1', 'PICKED');
const f2 = fulfilment('f2', 'SHIPPED');
const world = { entities: [order, f1, f2] };

describe('stub block sendEvent', () => {
  it('forwards the event under a name from a prop, with its context and attributes', () => {
    const event = eventOn(f1, 'ConfirmPick', { picker: 'kim' });
    const { effects } = runStub(
      { props: ['eventName'], do: [{ sendEvent: { name: '{{props.eventName}}' } }] },
      f1,
      { eventName: 'Next' },
      { event, data: world },
    );
    expect(effects).toEqual([
      {
        type: 'sendEvent',
        event: expect.objectContaining({ name: 'Next', entityType: 'FULFILMENT', entityId: 'f1', rootEntityId: 'o1', attributes: { picker: 'kim' } }),
      },
    ]);
  });

  it.each([
    { to: 'order', expected: [['ORDER', 'o1']] },
    { to: 'root', expected: [['ORDER', 'o1']] },
    {
      to: 'fulfilments',
      expected: [
        ['FULFILMENT', 'f1'],
        ['FULFILMENT', 'f2'],
      ],
    },
    { to: 'entity', expected: [['FULFILMENT', 'f1']] },
  ])('sends to $to', ({ to, expected }) => {
    const { effects } = runStub({ do: [{ sendEvent: { name: 'Literal', to } }] }, f1, {}, { data: world });
    expect(effects.map((e) => (e.type === 'sendEvent' ? [e.event.entityType, e.event.entityId] : e.type))).toEqual(expected);
  });

  it('delays on the virtual clock and adds templated attributes', () => {
    const event = eventOn(order, 'CREATE', { reason: 'late' });
    const { effects } = runStub(
      {
        props: { delay: { default: 'PT5M' } },
        do: [{ sendEvent: { name: 'Expire', delay: '{{props.delay}}', attributes: { why: 'because {{event.attributes.reason}}' } } }],
      },
      order,
      {},
      { event, data: world },
    );
    expect(effects).toEqual([
      { type: 'sendEvent', event: expect.objectContaining({ name: 'Expire', delayMs: 300_000, attributes: { reason: 'late', why: 'because late' } }) },
    ]);
  });

  it('fails the rule, saying why, when a delay prop is not a delay', () => {
    const rule = stubOf({ props: ['delay'], do: [{ sendEvent: { name: 'Later', delay: '{{props.delay}}' } }] });
    expect(() => rule.run({ event: eventOn(order), entity: order, props: { delay: 'soon' }, now: new Date(0), read: fakeReader() })).toThrow(
      'ACME.acme.Stubbed: sendEvent delay "{{props.delay}}" is not seconds or an ISO-8601 duration for this event (Expected a delay in seconds (e.g. "600") or an ISO-8601 duration, got "soon")',
    );
  });

  it('fails the rule when the event name renders empty', () => {
    const rule = stubOf({ props: { eventName: { required: false } }, do: [{ sendEvent: { name: '{{props.eventName}}' } }] });
    expect(() => rule.run({ event: eventOn(order), entity: order, props: {}, now: new Date(0), read: fakeReader() })).toThrow(
      'ACME.acme.Stubbed: sendEvent name "{{props.eventName}}" is empty for this event; give the workflow rule the prop it names, or a "default" in the stub',
    );
  });
});

describe('stub block setStatus', () => {
  it.each([
    { on: undefined, target: { entityType: 'FULFILMENT', id: 'f1' } },
    { on: 'order', target: { entityType: 'ORDER', id: 'o1' } },
  ])('sets the status of $on from a prop', ({ on, target }) => {
    const { effects } = runStub(
      { props: ['status'], do: [{ setStatus: { status: '{{props.status}}', ...(on ? { on } : {}) } }] },
      f1,
      { status: 'HELD' },
      { data: world },
    );
    expect(effects).toEqual([{ type: 'setStatus', target: expect.objectContaining(target), status: 'HELD' }]);
  });
});

describe('stub block setAttributes', () => {
  it('sets literals, props and event attributes with their types, skipping missing values', () => {
    const event = eventOn(order, 'CREATE', { score: 7, flags: ['a'] });
    const { effects } = runStub(
      {
        props: ['channel'],
        do: [
          {
            setAttributes: {
              attributes: {
                channel: '{{props.channel}}',
                score: '{{event.attributes.score}}',
                flags: '{{event.attributes.flags}}',
                vip: true,
                gone: '{{event.attributes.none}}',
              },
            },
          },
        ],
      },
      order,
      { channel: 'web' },
      { event },
    );
    expect(effects).toEqual([
      {
        type: 'setAttributes',
        target: expect.objectContaining({ entityType: 'ORDER', id: 'o1' }),
        attributes: [
          { name: 'channel', type: 'STRING', value: 'web' },
          { name: 'score', type: 'INTEGER', value: 7 },
          { name: 'flags', type: 'JSON', value: ['a'] },
          { name: 'vip', type: 'BOOLEAN', value: true },
        ],
      },
    ]);
  });
});

describe('stub block mutate', () => {
  it('renders the input template from the entity, props and event', () => {
    const event = eventOn(f1, 'ConfirmShip', { trackingNumber: 'TN-1' });
    const { effects } = runStub(
      {
        props: ['carrier'],
        do: [
          {
            mutate: {
              mutation: 'updateFulfilment',
              input: {
                id: '{{entity.id}}',
                attributes: [{ name: 'tracking', type: 'STRING', value: '{{props.carrier}}:{{event.attributes.trackingNumber}}' }],
              },
            },
          },
        ],
      },
      f1,
      { carrier: 'AUSPOST' },
      { event },
    );
    expect(effects).toEqual([
      { type: 'mutate', mutation: 'updateFulfilment', input: { id: 'f1', attributes: [{ name: 'tracking', type: 'STRING', value: 'AUSPOST:TN-1' }] } },
    ]);
  });
});

describe('stub block webhook', () => {
  it('posts to the {name, url} of a setting, as core.SendWebhook does', () => {
    const settings = [{ name: 'erp', value: null, lobValue: { name: 'OrderToErp', url: 'http://erp.test/hook' }, context: 'ACCOUNT', contextId: 0 }];
    const { effects } = runStub({ do: [{ webhook: { setting: 'erp' } }] }, order, {}, { data: { settings } });
    expect(effects).toEqual([
      { type: 'webhook', name: 'OrderToErp', url: 'http://erp.test/hook', target: expect.objectContaining({ id: 'o1' }), attributes: {} },
    ]);
  });

  it('posts to a literal name and url', () => {
    const { effects } = runStub({ do: [{ webhook: { name: 'Hook', url: 'http://x.test/{{entity.ref}}' } }] }, order);
    expect(effects).toEqual([{ type: 'webhook', name: 'Hook', url: 'http://x.test/HD-1', target: expect.objectContaining({ id: 'o1' }), attributes: {} }]);
  });
});

describe('stub block noop', () => {
  it('does nothing but its audit', () => {
    expect(runStub({ do: [{ noop: 'TODO' }, { noop: {} }] }, order).effects).toEqual([]);
  });
});

describe('stub block branch', () => {
  const entry = {
    props: ['statusList', 'eventName', 'noMatchEventName'],
    do: [
      {
        branch: {
          label: 'order in statusList',
          if: { statusIn: '{{props.statusList}}', of: 'order' },
          then: [{ sendEvent: { name: '{{props.eventName}}', to: 'order' } }],
          else: [{ sendEvent: { name: '{{props.noMatchEventName}}', to: 'order' } }],
        },
      },
    ],
  };
  it.each([
    { statusList: ['BOOKED', 'PICK_PACK'], sent: 'Match', taken: 'then' },
    { statusList: 'PICK_PACK, COMPLETE', sent: 'NoMatch', taken: 'else' },
  ])('takes $taken for statusList $statusList and says so in its audit', ({ statusList, sent, taken }) => {
    const { effects, branches } = runStub(entry, f1, { statusList, eventName: 'Match', noMatchEventName: 'NoMatch' }, { data: world });
    expect(effects).toEqual([{ type: 'sendEvent', event: expect.objectContaining({ name: sent, entityType: 'ORDER' }) }]);
    expect(branches).toEqual([{ branch: 'order in statusList', taken }]);
  });

  it('names an unlabelled branch by its JSON pointer, nested branches included', () => {
    const { branches } = runStub(
      { do: [{ branch: { if: { always: true }, then: [{ branch: { if: { always: false }, then: [] } }] } }] },
      entity({ entityType: 'ORDER', id: 'o1', root: { ...ROOT } }),
    );
    expect(branches).toEqual([
      { branch: '#/rules/0/do/0/branch', taken: 'then' },
      { branch: '#/rules/0/do/0/branch/then/0/branch', taken: 'else' },
    ]);
  });
});

describe('stub props', () => {
  it('rejects a workflow use without a required prop, and fills defaults', () => {
    const rule = stubOf({ props: { eventName: {}, delay: { default: 60 } }, do: [{ noop: 'x' }] });
    expect(rule.props.safeParse({}).success).toBe(false);
    expect(rule.props.safeParse({ eventName: null }).success).toBe(false);
    expect(rule.props.parse({ eventName: 'E', extra: 1 })).toEqual({ eventName: 'E', delay: 60, extra: 1 });
  });
});

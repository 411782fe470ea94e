import { describe, expect, it } from 'vitest';
import { createHarness, orderWorkflow, T0 } from './engine-harness.js';

const lifecycle = orderWorkflow([
  {
    name: 'CREATE',
    triggers: ['CREATED'],
    rules: [['test.SetState', { status: 'BOOKED' }], ['test.AuditStatus'], ['test.SendEvent', { eventName: 'Validate' }]],
  },
  { name: 'Validate', triggers: ['BOOKED'], rules: [['test.SetState', { status: 'VALIDATED' }]] },
]);

const submit = (h: ReturnType<typeof createHarness>, name: string, ref: string, mode: 'sync' | 'async' = 'sync') =>
  h.engine.submit({ name, retailerId: '1', entityType: 'ORDER', entityRef: ref }, { mode });

describe('engine: rules and state', () => {
  it('runs a SetState chain, applying each effect before the next rule runs', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    const order = h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1');

    expect(result).toEqual({ eventId: expect.any(String), entityId: order.id, eventStatus: 'COMPLETE' });
    expect(h.domain.find({ entityType: 'ORDER', id: order.id })?.status).toBe('VALIDATED');
    // The rule after SetState saw BOOKED, not CREATED.
    const seen = h.auditsOf(result.eventId).find((r) => r.name === 'seen-status');
    expect(seen?.attributes).toEqual([{ name: 'status', type: 'STRING', value: 'BOOKED' }]);
    // STATE_CHANGE audit for the SetState action (§5.3).
    const change = h.auditsOf(result.eventId).find((r) => r.name === 'STATE_CHANGE');
    expect(change?.attributes).toEqual([
      { name: 'fromStatus', type: 'STRING', value: 'CREATED' },
      { name: 'toStatus', type: 'STRING', value: 'BOOKED' },
    ]);
    expect(h.engine.explain(result.eventId)?.statusChanges).toEqual([{ entityType: 'ORDER', id: order.id, ref: 'HD_1', from: 'CREATED', to: 'BOOKED' }]);
  });

  it('records the ORCHESTRATION event and its snapshot, ruleSet and rule audits with timers', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const { eventId } = await submit(h, 'CREATE', 'HD_1');

    const record = h.events.get(eventId);
    expect(record).toMatchObject({
      id: eventId,
      name: 'CREATE',
      type: 'ORCHESTRATION',
      accountId: 'ACME',
      retailerId: '1',
      eventStatus: 'COMPLETE',
      attributes: null,
      generatedBy: 'Rubix User',
      generatedOn: '2026-03-02T09:00:00.000+00:00',
      context: { sourceEvents: [], entityType: 'ORDER', entityId: '1', entityRef: 'HD_1', rootEntityType: 'ORDER', rootEntityId: '1', rootEntityRef: 'HD_1' },
    });
    const audits = h.auditsOf(eventId);
    expect(audits.map((a) => `${a.category}:${a.name}`)).toEqual([
      'snapshot:CREATE',
      'ACTION:STATE_CHANGE',
      'rule:ACME.test.SetState',
      'CUSTOM:seen-status',
      'rule:ACME.test.AuditStatus',
      'rule:ACME.test.SendEvent',
      'ruleSet:CREATE',
    ]);
    const snapshot = audits[0]?.attributes?.[0];
    expect(snapshot).toMatchObject({ name: 'entity', value: { ref: 'HD_1', status: 'CREATED' } });
    const ruleAudit = audits.find((a) => a.category === 'rule');
    expect(ruleAudit?.attributes).toEqual([
      { name: 'startTimer', type: 'LONG', value: T0.getTime() },
      { name: 'stopTimer', type: 'LONG', value: T0.getTime() },
    ]);
    for (const audit of audits) {
      expect(audit.type).toBe('ORCHESTRATION_AUDIT');
      expect(audit.context.sourceEvents).toEqual([eventId]);
    }
  });

  it('gives events raised by rules the causing event as context.sourceEvents', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const { eventId } = await submit(h, 'CREATE', 'HD_1');
    const validate = h.orchestration().find((r) => r.name === 'Validate');
    expect(validate).toMatchObject({ eventStatus: 'COMPLETE', context: { sourceEvents: [eventId], entityRef: 'HD_1' } });
    expect(h.auditsOf(validate?.id ?? '').map((a) => a.category)).toContain('ruleSet');
  });
});

describe('engine: inline, queued and scheduled events', () => {
  it('runs events for the same root inline before a sync submit returns, and queues other roots', async () => {
    const workflow = orderWorkflow([
      {
        name: 'CREATE',
        rules: [
          ['test.SendEvent', { eventName: 'Ping', toOrderRef: 'HD_2' }],
          ['test.SendEvent', { eventName: 'Mark' }],
        ],
      },
      { name: 'Mark', rules: [['test.SetState', { status: 'MARKED' }]] },
      { name: 'Ping', rules: [['test.SetState', { status: 'PINGED' }]] },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    h.domain.addOrder({ ref: 'HD_2' });
    const { eventId } = await submit(h, 'CREATE', 'HD_1');

    const byName = (name: string) => h.orchestration().find((r) => r.name === name);
    expect(byName('Mark')?.eventStatus).toBe('COMPLETE');
    expect(byName('Ping')?.eventStatus).toBe('PENDING');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_2' })?.status).toBe('CREATED');
    expect(h.engine.explain(eventId)?.eventsRaised.map((e) => [e.name, e.dispatch])).toEqual([
      ['Ping', 'queued'],
      ['Mark', 'inline'],
    ]);

    await h.engine.drain();
    expect(byName('Ping')?.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_2' })?.status).toBe('PINGED');
  });

  it('processes inline events in the order they were raised, after the current event', async () => {
    const workflow = orderWorkflow([
      {
        name: 'CREATE',
        rules: [
          ['test.SendEvent', { eventName: 'A' }],
          ['test.SendEvent', { eventName: 'B' }],
          ['test.SetState', { status: 'FIRST' }],
        ],
      },
      { name: 'A', triggers: ['FIRST'], rules: [['test.SetState', { status: 'AFTER_A' }]] },
      { name: 'B', triggers: ['AFTER_A'], rules: [['test.SetState', { status: 'AFTER_B' }]] },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    await submit(h, 'CREATE', 'HD_1');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('AFTER_B');
  });

  it('keeps an async event PENDING until drain()', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1', 'async');
    expect(result.eventStatus).toBe('PENDING');
    expect(h.events.get(result.eventId)?.eventStatus).toBe('PENDING');
    await h.engine.drain();
    expect(h.events.get(result.eventId)?.eventStatus).toBe('COMPLETE');
    expect(h.engine.stats()).toEqual({ queued: 0, scheduled: 0 });
  });

  it('ends an async event with an unknown name as NO_MATCH in the log', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'NoSuchEvent', 'HD_1', 'async');
    await h.engine.drain();
    expect(h.events.get(result.eventId)?.eventStatus).toBe('NO_MATCH');
  });

  it('fires a rule-scheduled event when the virtual clock reaches it', async () => {
    const workflow = orderWorkflow([
      { name: 'CREATE', rules: [['test.SendEvent', { eventName: 'Expire', delayMs: 60_000 }]] },
      { name: 'Expire', rules: [['test.SetState', { status: 'EXPIRED' }]] },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    await submit(h, 'CREATE', 'HD_1');
    const expire = () => h.orchestration().find((r) => r.name === 'Expire');
    expect(expire()?.eventStatus).toBe('SCHEDULED');
    expect(h.engine.stats().scheduled).toBe(1);

    await h.clock.advance(59_999);
    expect(expire()?.eventStatus).toBe('SCHEDULED');
    await h.clock.advance(1);
    expect(expire()?.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('EXPIRED');
  });

  it('schedules a submitted event whose scheduledOn is in the future', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const scheduledOn = new Date(T0.getTime() + 3_600_000).toISOString();
    const result = await h.engine.submit({ name: 'CREATE', retailerId: '1', entityType: 'ORDER', entityRef: 'HD_1', scheduledOn }, { mode: 'async' });
    expect(result.eventStatus).toBe('SCHEDULED');
    await h.engine.drain();
    expect(h.events.get(result.eventId)?.eventStatus).toBe('SCHEDULED');
    await h.clock.advance(3_600_000);
    expect(h.events.get(result.eventId)?.eventStatus).toBe('COMPLETE');
  });

  it('snapshots and restores the queue and scheduled events', async () => {
    const workflow = orderWorkflow([
      {
        name: 'CREATE',
        rules: [
          ['test.SendEvent', { eventName: 'Later', delayMs: 1000 }],
          ['test.SendEvent', { eventName: 'Other', toOrderRef: 'HD_2' }],
        ],
      },
      { name: 'Later', rules: [['test.SetState', { status: 'LATER' }]] },
      { name: 'Other', rules: [['test.SetState', { status: 'OTHER' }]] },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    h.domain.addOrder({ ref: 'HD_2' });
    await submit(h, 'CREATE', 'HD_1');
    const saved = h.engine.toJSON();
    expect(saved.queue.map((q) => q.event.name)).toEqual(['Other']);
    expect(saved.scheduled.map((s) => [s.event.name, s.at])).toEqual([['Later', T0.getTime() + 1000]]);

    h.engine.clear();
    expect(h.engine.stats()).toEqual({ queued: 0, scheduled: 0 });
    h.engine.restore(JSON.parse(JSON.stringify(saved)));
    expect(h.engine.stats()).toEqual({ queued: 1, scheduled: 1 });
    await h.engine.drain();
    await h.clock.advance(1000);
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('LATER');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_2' })?.status).toBe('OTHER');
  });
});

describe('engine: failures and limits', () => {
  it('stops a looping chain at maxEventsPerExecution with a FAILED event', async () => {
    const workflow = orderWorkflow([
      { name: 'CREATE', rules: [['test.SendEvent', { eventName: 'Ping' }]] },
      { name: 'Ping', rules: [['test.SendEvent', { eventName: 'Ping' }]] },
    ]);
    const h = createHarness({ workflows: [workflow], maxEventsPerExecution: 20 });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1');

    expect(result.eventStatus).toBe('FAILED');
    expect(result.errorMessage).toMatch(/maxEventsPerExecution/);
    expect(result.errorMessage).toMatch(/Ping → Ping/);
    const pings = h.orchestration().filter((r) => r.name === 'Ping');
    expect(pings.filter((r) => r.eventStatus === 'COMPLETE')).toHaveLength(19);
    const stopped = pings.filter((r) => r.eventStatus === 'FAILED');
    expect(stopped).toHaveLength(1);
    expect(h.auditsOf(stopped[0]?.id ?? '').map((a) => a.category)).toEqual(['exception']);
    expect(h.events.get(result.eventId)?.eventStatus).toBe('FAILED');
  });

  it('stops a ping-pong between two root entities once the chain passes the same bound', async () => {
    const workflow = orderWorkflow([
      { name: 'Ping', triggers: ['A'], rules: [['test.SendEvent', { eventName: 'Ping', toOrderRef: 'HD_B' }]] },
      { name: 'Ping', triggers: ['B'], rules: [['test.SendEvent', { eventName: 'Ping', toOrderRef: 'HD_A' }]] },
    ]);
    const h = createHarness({ workflows: [workflow], maxEventsPerExecution: 10 });
    h.domain.addOrder({ ref: 'HD_A', status: 'A' });
    h.domain.addOrder({ ref: 'HD_B', status: 'B' });
    await submit(h, 'Ping', 'HD_A', 'async');
    await h.engine.drain();
    const pings = h.orchestration();
    expect(pings).toHaveLength(11);
    expect(pings.slice(0, 10).every((r) => r.eventStatus === 'COMPLETE')).toBe(true);
    const last = pings[10];
    expect(last?.eventStatus).toBe('FAILED');
    expect(JSON.stringify(h.engine.explain(last?.id ?? '')?.outcome)).toContain('event 11 of a chain of events raised across executions');
    expect(h.auditsOf(last?.id ?? '')).toMatchObject([{ category: 'exception', name: 'EventChainLimitExceeded' }]);
  });

  it('fails the event of a throwing rule with an exception audit naming rule and ruleset', async () => {
    const workflow = orderWorkflow([
      {
        name: 'CREATE',
        rules: [
          ['test.SetState', { status: 'BOOKED' }],
          ['test.Throw', { message: 'payment service down' }],
          ['test.SetState', { status: 'NEVER' }],
        ],
      },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1');

    expect(result.eventStatus).toBe('FAILED');
    expect(result.errorMessage).toContain('payment service down');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('BOOKED');
    const exception = h.auditsOf(result.eventId).find((a) => a.category === 'exception');
    expect(exception).toMatchObject({ eventStatus: 'FAILED', context: { sourceEvents: [result.eventId], entityRef: 'HD_1' } });
    const attributes = Object.fromEntries((exception?.attributes ?? []).map((a) => [a.name, a.value]));
    expect(attributes).toMatchObject({ message: 'payment service down', ruleName: 'ACME.test.Throw', ruleSetName: 'CREATE' });
    expect(attributes['stackTrace']).toEqual(expect.stringContaining('payment service down'));
    expect(h.engine.explain(result.eventId)?.outcome).toMatchObject({ type: 'failed', rule: 'ACME.test.Throw', ruleset: 'CREATE' });
  });

  it('fails the starting event when an inline event fails later in the execution', async () => {
    const workflow = orderWorkflow([
      { name: 'CREATE', rules: [['test.SendEvent', { eventName: 'Boom' }]] },
      { name: 'Boom', rules: [['test.Throw', { message: 'boom' }]] },
    ]);
    const h = createHarness({ workflows: [workflow] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1');
    expect(result.eventStatus).toBe('FAILED');
    expect(result.errorMessage).toMatch(/"Boom".*boom/);
    expect(h.orchestration().map((r) => [r.name, r.eventStatus])).toEqual([
      ['CREATE', 'FAILED'],
      ['Boom', 'FAILED'],
    ]);
  });

  it.each([
    ['an unknown entity', 'CREATE', 'HD_404', /no ORDER with ref HD_404/],
    ['no ruleset with the event name', 'CRAETE', 'HD_1', /^workflow ORDER::HD 1.0 has no ruleset named "CRAETE"; closest ruleset names: CREATE$/],
    ['a status outside the triggers', 'Validate', 'HD_1', /status CREATED not in triggers \[BOOKED\]/],
  ])('answers NO_MATCH for %s and explains why', async (_case, name, ref, reason) => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, name, ref);
    expect(result.eventStatus).toBe('NO_MATCH');
    expect(h.events.get(result.eventId)?.eventStatus).toBe('NO_MATCH');
    const outcome = h.engine.explain(result.eventId)?.outcome;
    expect(outcome?.type).toBe('noMatch');
    expect(outcome?.type === 'noMatch' ? outcome.reason : '').toMatch(reason);
    expect(h.auditsOf(result.eventId)).toEqual([]);
  });

  it('answers NO_MATCH when the root entity has no workflow', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'CC_1', type: 'CC' });
    const result = await submit(h, 'CREATE', 'CC_1');
    expect(result).toMatchObject({ eventStatus: 'NO_MATCH', entityId: '1' });
    expect(JSON.stringify(h.engine.explain(result.eventId)?.outcome)).toContain('no workflow ORDER::CC');
  });
});

describe('engine: CREATE events, sub-entities, webhooks', () => {
  const withFulfilments = orderWorkflow([
    {
      name: 'CREATE',
      triggers: ['CREATED'],
      rules: [
        ['test.CreateFulfilment', { ref: 'F1' }],
        ['test.SetState', { status: 'BOOKED' }],
      ],
    },
    { name: 'CREATE', type: 'FULFILMENT', subtype: 'HD_PFDC', triggers: ['CREATED'], rules: [['test.SetState', { status: 'AWAITING_WAVE' }]] },
    { name: 'Pick', type: 'FULFILMENT', triggers: ['AWAITING_WAVE'], rules: [['test.SetState', { status: 'PICKED' }]] },
    { name: 'PickAll', rules: [['test.SendEventToFulfilments', { eventName: 'Pick' }]] },
    { name: 'Notify', rules: [['test.Webhook', { name: 'OrderStatus', url: 'https://hooks.example.test/fluent' }]] },
  ]);

  it('raises CREATE for an entity created by a rule, inline when it shares the root', async () => {
    const h = createHarness({ workflows: [withFulfilments] });
    h.domain.addOrder({ ref: 'HD_1' });
    const { eventId } = await submit(h, 'CREATE', 'HD_1');
    const fulfilment = h.domain.find({ entityType: 'FULFILMENT', ref: 'F1' });
    expect(fulfilment?.status).toBe('AWAITING_WAVE');
    const created = h.orchestration().find((r) => r.name === 'CREATE' && r.context.entityType === 'FULFILMENT');
    expect(created).toMatchObject({ eventStatus: 'COMPLETE', context: { sourceEvents: [eventId], rootEntityType: 'ORDER', rootEntityRef: 'HD_1' } });
    expect(h.engine.explain(eventId)?.eventsRaised).toEqual([{ id: created?.id, name: 'CREATE', entityType: 'FULFILMENT', dispatch: 'inline' }]);
  });

  it('queues CREATE for an entity created outside an execution, and skips types marked ✗', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    const order = h.domain.addOrder({ ref: 'HD_1' });
    const id = h.engine.onEntityCreated(order);
    expect(h.events.get(id ?? '')?.eventStatus).toBe('PENDING');
    await h.engine.drain();
    expect(h.events.get(id ?? '')).toMatchObject({ name: 'CREATE', eventStatus: 'COMPLETE' });
    expect(h.engine.onEntityCreated({ ...order, entityType: 'LOCATION' })).toBeUndefined();
  });

  it('matches sub-entity rulesets by type and subtype and sends events to children', async () => {
    const h = createHarness({ workflows: [withFulfilments] });
    const order = h.domain.addOrder({ ref: 'HD_1', status: 'BOOKED' });
    h.domain.addFulfilment(order.id, { ref: 'F1', status: 'AWAITING_WAVE' });
    h.domain.addFulfilment(order.id, { ref: 'F2', status: 'AWAITING_WAVE' });
    h.domain.addFulfilment(order.id, { ref: 'F3', status: 'CREATED' });
    await submit(h, 'PickAll', 'HD_1');
    expect(['F1', 'F2', 'F3'].map((ref) => h.domain.find({ entityType: 'FULFILMENT', ref })?.status)).toEqual(['PICKED', 'PICKED', 'CREATED']);
    const picks = h.orchestration().filter((r) => r.name === 'Pick');
    expect(picks.map((r) => r.eventStatus)).toEqual(['COMPLETE', 'COMPLETE', 'NO_MATCH']);
  });

  it('hands webhooks to the delivery queue with the entity as it is now', async () => {
    const h = createHarness({ workflows: [withFulfilments] });
    h.domain.addOrder({ ref: 'HD_1', status: 'BOOKED' });
    const { eventId } = await submit(h, 'Notify', 'HD_1');
    expect(h.webhooks).toEqual([
      {
        name: 'OrderStatus',
        url: 'https://hooks.example.test/fluent',
        accountId: 'ACME',
        retailerId: '1',
        sourceEventId: eventId,
        event: expect.objectContaining({
          name: 'OrderStatus',
          entityId: '1',
          entityRef: 'HD_1',
          entityType: 'ORDER',
          entityStatus: 'BOOKED',
          entitySubtype: 'HD',
          type: 'NORMAL',
          rootEntityType: 'ORDER',
        }),
      },
    ]);
  });
});

describe('engine: workflows', () => {
  it('runs an inline meta.workflow for a sync event instead of the stored one', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const meta = {
      workflow: {
        retailerId: '1',
        version: '1.0',
        entityType: 'ORDER',
        rulesets: [
          {
            name: 'Fix',
            type: 'ORDER',
            eventType: 'NORMAL',
            rules: [{ name: 'ACME.test.SetState', props: { status: 'FIXED' } }],
            triggers: [],
            userActions: [],
          },
        ],
      },
    };
    const result = await h.engine.submit({ name: 'Fix', retailerId: '1', entityType: 'ORDER', entityRef: 'HD_1', meta }, { mode: 'sync' });
    expect(result.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('FIXED');
    expect(h.engine.explain(result.eventId)?.workflow).toMatchObject({ runOnce: true, source: 'meta.workflow' });
  });

  it('runs the latest minor of the major the entity names, or the latest under the latest policy', async () => {
    const v10 = orderWorkflow([{ name: 'Go', rules: [['test.SetState', { status: 'V1.0' }]] }]);
    const v11 = orderWorkflow([{ name: 'Go', rules: [['test.SetState', { status: 'V1.1' }]] }], { version: '1.1' });
    const v20 = orderWorkflow([{ name: 'Go', rules: [['test.SetState', { status: 'V2.0' }]] }], { version: '2.0' });
    const pinned = createHarness({ workflows: [v10, v11, v20] });
    pinned.domain.addOrder({ ref: 'HD_1', workflowVersion: 1 });
    pinned.domain.addOrder({ ref: 'HD_2', workflowVersion: 2 });
    pinned.domain.addOrder({ ref: 'HD_3' });
    for (const ref of ['HD_1', 'HD_2', 'HD_3']) await submit(pinned, 'Go', ref);
    const statuses = ['HD_1', 'HD_2', 'HD_3'].map((ref) => pinned.domain.find({ entityType: 'ORDER', ref })?.status);
    expect(statuses).toEqual(['V1.1', 'V2.0', 'V2.0']);

    const latest = createHarness({ workflows: [v10, v11, v20], workflowVersionPolicy: 'latest' });
    latest.domain.addOrder({ ref: 'HD_1', workflowVersion: 1 });
    await submit(latest, 'Go', 'HD_1');
    expect(latest.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('V2.0');
  });

  it('names the version used and, on NO_MATCH, the other versions that have a ruleset of that name', async () => {
    const v10 = orderWorkflow([{ name: 'Go', rules: [['test.SetState', { status: 'GONE' }]] }]);
    const v11 = orderWorkflow([{ name: 'Stay', rules: [['test.SetState', { status: 'STAYED' }]] }], { version: '1.1' });
    const v20 = orderWorkflow(
      [
        { name: 'Stay', rules: [] },
        { name: 'Ship', rules: [['test.SetState', { status: 'SHIPPED' }]] },
      ],
      { version: '2.0' },
    );
    const h = createHarness({ workflows: [v10, v11, v20] });
    h.domain.addOrder({ ref: 'HD_1', workflowVersion: 1 });
    const result = await submit(h, 'Ship', 'HD_1');
    expect(result.eventStatus).toBe('NO_MATCH');
    const trace = h.engine.explain(result.eventId);
    expect(trace?.workflow).toMatchObject({ name: 'ORDER::HD', version: '1.1', entityWorkflowVersion: 1 });
    expect(trace?.rulesetInOtherVersions).toEqual(['2.0']);
    expect(result.errorMessage).toBe(
      'workflow ORDER::HD 1.1 has no ruleset named "Ship"; version 2.0 has one, but this ORDER was created under major 1 and ' +
        'stays on it (a new major applies only to entities created after it)',
    );
    const gone = await submit(h, 'Go', 'HD_1');
    expect(gone.errorMessage).toBe(
      'workflow ORDER::HD 1.1 has no ruleset named "Go"; older version 1.0 had one (events run on the latest minor of their major, 1.1)',
    );
    expect(h.engine.explain(gone.eventId)?.rulesetInOtherVersions).toEqual(['1.0']);
  });

  it('runs a skipped unknown rule as a no-op whose rule audit says it was not simulated', async () => {
    const workflow = orderWorkflow([
      {
        name: 'CREATE',
        rules: [
          ['custom.CheckFraud', { threshold: 3 }],
          ['test.SetState', { status: 'BOOKED' }],
        ],
      },
    ]);
    const h = createHarness({ workflows: [workflow], unknownRulePolicy: 'skip' });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, 'CREATE', 'HD_1');
    expect(result.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('BOOKED');
    const audit = h.auditsOf(result.eventId).find((a) => a.name === 'ACME.custom.CheckFraud');
    expect(audit?.category).toBe('rule');
    expect(audit?.attributes).toContainEqual({ name: 'simulated', type: 'BOOLEAN', value: false });
    expect(h.engine.explain(result.eventId)?.rules[0]).toMatchObject({ rule: 'ACME.custom.CheckFraud', simulated: false, resolvedAs: null });
  });
});

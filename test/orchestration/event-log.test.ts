import { describe, expect, it } from 'vitest';
import { createClock } from '../../server/lib/clock.js';
import { createEventLog, formatGeneratedOn, type EventRecord, type EventSearchFilters } from '../../server/orchestration/event-log.js';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

function setup() {
  const clock = createClock({ start: T0, frozen: true });
  const log = createEventLog({ clock });
  let n = 0;
  const add = (fields: Partial<Omit<EventRecord, 'context'>> & { context?: Partial<EventRecord['context']> } = {}): EventRecord => {
    n += 1;
    const record: EventRecord = {
      id: fields.id ?? `e${n}`,
      name: fields.name ?? 'CREATE',
      type: fields.type ?? 'ORCHESTRATION',
      accountId: 'ACME',
      retailerId: fields.retailerId ?? '1',
      category: fields.category ?? null,
      context: {
        sourceEvents: [],
        entityType: 'ORDER',
        entityId: '1',
        entityRef: 'HD_1',
        rootEntityType: 'ORDER',
        rootEntityId: '1',
        rootEntityRef: 'HD_1',
        ...fields.context,
      },
      eventStatus: fields.eventStatus ?? 'COMPLETE',
      attributes: null,
      source: null,
      generatedBy: 'Rubix User',
      generatedOn: fields.generatedOn ?? formatGeneratedOn(clock.now()),
    };
    log.append(record);
    return record;
  };
  const ids = (filters: EventSearchFilters = {}) => log.search(filters).results.map((r) => r.id);
  return { clock, log, add, ids };
}

describe('event log', () => {
  it('stores the platform event model and returns copies', () => {
    const { log, add } = setup();
    const record = add();
    expect(log.get('e1')).toEqual(record);
    expect(record.generatedOn).toBe('2026-03-02T09:00:00.000+00:00');
    const copy = log.get('e1');
    if (copy) copy.eventStatus = 'FAILED';
    expect(log.get('e1')?.eventStatus).toBe('COMPLETE');
    expect(log.get('nope')).toBeUndefined();
    expect(() => add({ id: 'e1' })).toThrow(/already in the event log/);
  });

  it('answers newest first with {start, count, hasMore, results}', async () => {
    const { clock, log, add } = setup();
    for (let i = 0; i < 5; i += 1) {
      add();
      await clock.advance(1000);
    }
    expect(log.search({ count: 2 })).toMatchObject({ start: 0, count: 2, hasMore: true, results: [{ id: 'e5' }, { id: 'e4' }] });
    expect(log.search({ start: 2, count: 2 }).results.map((r) => r.id)).toEqual(['e3', 'e2']);
    expect(log.search({ start: 4, count: 2 })).toMatchObject({ start: 4, count: 2, hasMore: false, results: [{ id: 'e1' }] });
    expect(log.search({ start: 9 })).toMatchObject({ hasMore: false, results: [] });
  });

  it('defaults to the past 30 days of virtual time, 100 results, and clamps count to 5000', async () => {
    const { clock, log, add, ids } = setup();
    add({ id: 'old' });
    await clock.advance(31 * DAY);
    for (let i = 0; i < 120; i += 1) add();
    const page = log.search({});
    expect(page).toMatchObject({ start: 0, count: 100, hasMore: true });
    expect(page.results).toHaveLength(100);
    expect(ids({ count: 500 })).not.toContain('old');
    expect(ids({ count: 500, from: T0 })).toContain('old');
    expect(log.search({ count: 100_000 }).count).toBe(5000);
  });

  it('keeps newest-first order when the clock was set back', async () => {
    const { clock, add, ids } = setup();
    add({ id: 'a' });
    await clock.advance(5000);
    add({ id: 'b' });
    await clock.set(new Date(T0.getTime() + 1000));
    add({ id: 'c' });
    expect(ids()).toEqual(['b', 'c', 'a']);
    expect(ids({ 'context.entityId': ['1'] })).toEqual(['b', 'c', 'a']);
  });

  it.each<[string, EventSearchFilters, string[]]>([
    ['context.rootEntityType', { 'context.rootEntityType': ['JOB'] }, ['batch']],
    ['context.rootEntityId', { 'context.rootEntityId': ['2'] }, ['f2', 'o2']],
    ['context.rootEntityRef', { 'context.rootEntityRef': ['HD_2'] }, ['f2', 'o2']],
    ['context.entityType', { 'context.entityType': ['FULFILMENT'] }, ['f2']],
    ['context.entityId', { 'context.entityId': ['12'] }, ['batch']],
    ['context.entityRef', { 'context.entityRef': ['F2'] }, ['f2']],
    ['context.sourceEvents', { 'context.sourceEvents': ['o2'] }, ['f2']],
    ['name', { name: ['BATCH_COMPLETE'] }, ['batch']],
    ['category', { category: ['rule'] }, ['f2']],
    ['retailerId', { retailerId: ['5'] }, ['batch']],
    ['eventType', { eventType: ['ORCHESTRATION_AUDIT'] }, ['batch', 'f2']],
    ['eventStatus', { eventStatus: ['FAILED'] }, ['o2']],
    ['eventId', { eventId: ['o1'] }, ['o1']],
    ['several values of one field (any)', { eventId: ['o1', 'batch'] }, ['batch', 'o1']],
    ['several fields (all)', { 'context.rootEntityRef': ['HD_2'], eventType: ['ORCHESTRATION'] }, ['o2']],
    ['to', { to: new Date(T0.getTime() + 1500) }, ['o2', 'o1']],
    ['from', { from: new Date(T0.getTime() + 1500) }, ['batch', 'f2']],
  ])('filters by %s', async (_field, filters, expected) => {
    const { clock, add, ids } = setup();
    add({ id: 'o1' });
    await clock.advance(1000);
    add({ id: 'o2', eventStatus: 'FAILED', context: { entityId: '2', entityRef: 'HD_2', rootEntityId: '2', rootEntityRef: 'HD_2' } });
    await clock.advance(1000);
    add({
      id: 'f2',
      type: 'ORCHESTRATION_AUDIT',
      category: 'rule',
      context: { sourceEvents: ['o2'], entityType: 'FULFILMENT', entityId: '7', entityRef: 'F2', rootEntityId: '2', rootEntityRef: 'HD_2' },
    });
    add({
      id: 'batch',
      name: 'BATCH_COMPLETE',
      type: 'ORCHESTRATION_AUDIT',
      category: 'BATCH',
      retailerId: '5',
      context: { entityType: 'BATCH', entityId: '12', entityRef: '12', rootEntityType: 'JOB', rootEntityId: '13', rootEntityRef: '13' },
    });
    expect(ids(filters)).toEqual(expected);
  });

  it('indexes a context learned after the event was stored', () => {
    const { log, add, ids } = setup();
    add({ id: 'pending', context: { entityId: null, entityRef: 'HD_9', rootEntityId: null, rootEntityRef: null } });
    expect(ids({ 'context.entityId': ['9'] })).toEqual([]);
    const record = log.get('pending');
    if (!record) throw new Error('fixture');
    log.update('pending', { eventStatus: 'COMPLETE', context: { ...record.context, entityId: '9', rootEntityId: '9', rootEntityRef: 'HD_9' } });
    expect(ids({ 'context.entityId': ['9'], eventStatus: ['COMPLETE'] })).toEqual(['pending']);
    expect(ids({ 'context.rootEntityRef': ['HD_9'] })).toEqual(['pending']);
    expect(log.update('missing', { eventStatus: 'FAILED' })).toBeUndefined();
  });

  it('finds events by name and by a status that changed after they were stored', () => {
    const { log, add, ids } = setup();
    add({ id: 'a', name: 'RareEvent', eventStatus: 'PENDING' });
    add({ id: 'b', name: 'Other', eventStatus: 'PENDING' });
    expect(ids({ name: ['RareEvent'] })).toEqual(['a']);
    log.update('a', { eventStatus: 'FAILED' });
    expect(ids({ eventStatus: ['FAILED'] })).toEqual(['a']);
    expect(ids({ eventStatus: ['PENDING'] })).toEqual(['b']);
    expect(ids({ eventStatus: ['PENDING', 'FAILED'], name: ['RareEvent', 'Other'] })).toEqual(['b', 'a']);
  });

  it('serves the OMX dashboard query for failed orchestration events', async () => {
    const { clock, add, ids } = setup();
    add({ id: 'ok' });
    add({ id: 'failed', eventStatus: 'FAILED' });
    add({ id: 'failed-audit', type: 'ORCHESTRATION_AUDIT', category: 'exception', eventStatus: 'FAILED' });
    add({ id: 'failed-location', eventStatus: 'FAILED', context: { entityType: 'LOCATION' } });
    await clock.advance(1000);
    const filters: EventSearchFilters = {
      'context.entityType': ['ORDER'],
      eventType: ['ORCHESTRATION'],
      eventStatus: ['FAILED'],
      from: new Date(T0.getTime() - DAY),
    };
    expect(ids(filters)).toEqual(['failed']);
  });

  it('tells an entity id or ref from the same value as a root id or ref (they share an index)', () => {
    const { add, ids } = setup();
    add({ id: 'fulfilment', context: { entityType: 'FULFILMENT', entityId: '7', entityRef: 'F7', rootEntityId: '1', rootEntityRef: 'HD_1' } });
    add({ id: 'order', context: { entityId: '7', entityRef: 'HD_7', rootEntityId: '7', rootEntityRef: 'HD_7' } });
    add({ id: 'other', context: { entityType: 'FULFILMENT', entityId: '2', entityRef: 'HD_7', rootEntityId: '7', rootEntityRef: 'F7' } });
    expect(ids({ 'context.entityId': ['7'] })).toEqual(['order', 'fulfilment']);
    expect(ids({ 'context.rootEntityId': ['7'] })).toEqual(['other', 'order']);
    expect(ids({ 'context.rootEntityId': ['1'], 'context.entityId': ['7'] })).toEqual(['fulfilment']);
    expect(ids({ 'context.entityRef': ['F7'] })).toEqual(['fulfilment']);
    expect(ids({ 'context.rootEntityRef': ['F7'] })).toEqual(['other']);
    expect(ids({ 'context.entityRef': ['HD_7'], 'context.rootEntityRef': ['HD_7'] })).toEqual(['order']);
  });

  it('answers records that share an equal context or timers exactly as they were appended', () => {
    const { log, add } = setup();
    const timers = (ms: number) => [
      { name: 'startTimer', type: 'LONG', value: ms },
      { name: 'stopTimer', type: 'LONG', value: ms },
    ];
    const a = add({ id: 'a', type: 'ORCHESTRATION_AUDIT', category: 'rule', context: { sourceEvents: ['e0'] } });
    const b = add({ id: 'b', type: 'ORCHESTRATION_AUDIT', category: 'rule', context: { sourceEvents: ['e0'] } });
    const c = add({ id: 'c', type: 'ORCHESTRATION_AUDIT', category: 'rule', context: { sourceEvents: ['e0'], entityRef: 'HD_2' } });
    for (const [id, ms] of [
      ['a', 5],
      ['b', 5],
      ['c', 6],
    ] as const)
      log.update(id, { attributes: timers(ms) });
    expect([a, b, c].map((r) => log.get(r.id)?.context)).toEqual([a.context, b.context, c.context]);
    expect(log.get('b')?.attributes).toEqual(timers(5));
    expect(log.get('c')?.attributes).toEqual(timers(6));
    // A new context for one record leaves the record it shared with as it was.
    log.update('a', { context: { ...a.context, entityRef: 'HD_9' } });
    expect(log.get('a')?.context.entityRef).toBe('HD_9');
    expect(log.get('b')?.context.entityRef).toBe('HD_1');
    expect(log.get('b')?.context.sourceEvents).toEqual(['e0']);
    expect(JSON.parse(JSON.stringify(log.get('c')))).toEqual({ ...c, attributes: timers(6) });
  });

  it('shares equal contexts and primitive attributes between consecutive records, frozen', () => {
    const { log } = setup();
    const record = (id: string, sourceEvents: string[], ms: number): EventRecord => ({
      id,
      name: 'SetState',
      type: 'ORCHESTRATION_AUDIT',
      accountId: 'ACME',
      retailerId: '1',
      category: 'rule',
      context: { sourceEvents, entityType: 'ORDER', entityId: '1', entityRef: 'HD_1', rootEntityType: 'ORDER', rootEntityId: '1', rootEntityRef: 'HD_1' },
      eventStatus: 'COMPLETE',
      attributes: [{ name: 'startTimer', type: 'LONG', value: ms }],
      source: null,
      generatedBy: 'Rubix User',
      generatedOn: '2026-03-02T09:00:00.000+00:00',
    });
    log.append(record('x', ['e0'], 1));
    log.append(record('y', ['e0'], 1));
    log.append(record('z', [], 2));
    const [x, y, z] = ['x', 'y', 'z'].map((id) => log.get(id));
    expect(y?.context).toBe(x?.context);
    expect(y?.attributes).toBe(x?.attributes);
    expect(z?.context).not.toBe(y?.context);
    expect(z?.context.sourceEvents).toEqual([]);
    expect(Object.isFrozen(x?.context) && Object.isFrozen(x?.context.sourceEvents) && Object.isFrozen(x?.attributes)).toBe(true);
  });

  it('restores from toJSON() with its indexes', () => {
    const { log, add } = setup();
    add({ id: 'a' });
    add({ id: 'b', context: { entityRef: 'HD_2' } });
    const copy = createEventLog({ clock: createClock({ start: T0, frozen: true }) });
    copy.restore(JSON.parse(JSON.stringify(log.toJSON())));
    expect(copy.size()).toBe(2);
    expect(copy.search({ 'context.entityRef': ['HD_2'] }).results.map((r) => r.id)).toEqual(['b']);
    copy.clear();
    expect(copy.size()).toBe(0);
  });
});

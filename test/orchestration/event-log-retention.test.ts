import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../server/lib/clock.js';
import { createEventLog, formatGeneratedOn, type EventRecord, type EventStatus } from '../../server/orchestration/event-log.js';
import { createTestApp } from '../support/test-app.js';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

function setup(maxRecords: number, maxAgeDays = 30) {
  const clock = createClock({ start: T0, frozen: true });
  const log = createEventLog({ clock, retention: { maxRecords, maxAgeDays } });
  let n = 0;
  const add = (eventStatus: EventStatus = 'COMPLETE'): string => {
    n += 1;
    const record: EventRecord = {
      id: `e${n}`,
      name: 'CREATE',
      type: 'ORCHESTRATION',
      accountId: 'ACME',
      retailerId: '1',
      category: null,
      context: {
        sourceEvents: [],
        entityType: 'ORDER',
        entityId: String(n),
        entityRef: `HD_${n}`,
        rootEntityType: 'ORDER',
        rootEntityId: String(n),
        rootEntityRef: `HD_${n}`,
      },
      eventStatus,
      attributes: null,
      source: null,
      generatedBy: 'Rubix User',
      generatedOn: formatGeneratedOn(clock.now()),
    };
    log.append(record);
    return record.id;
  };
  const all = () =>
    log
      .search({ count: 5000 })
      .results.map((r) => r.id)
      .reverse();
  return { clock, log, add, all };
}

describe('event log retention', () => {
  it('drops the oldest records once the log passes its count, and keeps indexes right', () => {
    const { log, add, all } = setup(8);
    for (let i = 0; i < 11; i += 1) add();
    // The pass starts above 1.25 × 8 records and keeps the newest 8.
    expect(all()).toEqual(['e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
    expect(log.get('e3')).toBeUndefined();
    expect(log.search({ 'context.entityRef': ['HD_2'] }).results).toEqual([]);
    expect(log.search({ 'context.entityRef': ['HD_9'] }).results.map((r) => r.id)).toEqual(['e9']);
    expect(log.stats()).toMatchObject({ records: 8, dropped: 3, retention: { maxRecords: 8, maxAgeDays: 30 } });
  });

  it('never drops records of events still PENDING or SCHEDULED (queued and scheduled work)', () => {
    const { log, add, all } = setup(8);
    add('SCHEDULED');
    add('PENDING');
    for (let i = 0; i < 9; i += 1) add();
    expect(all()).toEqual(['e1', 'e2', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
    expect(log.update('e1', { eventStatus: 'PENDING' })?.eventStatus).toBe('PENDING');
  });

  it('keeps every index right across passes: ids, shared names, statuses, kept PENDING records', () => {
    const { log, add, all } = setup(8);
    add('PENDING');
    for (let i = 0; i < 30; i += 1) add();
    // Three passes ran; e1 is kept (PENDING), then the newest records.
    expect(all()).toEqual(['e1', 'e23', 'e24', 'e25', 'e26', 'e27', 'e28', 'e29', 'e30', 'e31']);
    const ids = (filters: Parameters<typeof log.search>[0]) =>
      log
        .search({ ...filters, count: 100 })
        .results.map((r) => r.id)
        .reverse();
    expect(ids({ eventId: ['e1', 'e31', 'e5'] })).toEqual(['e1', 'e31']);
    expect(ids({ name: ['CREATE'] })).toEqual(all());
    expect(ids({ eventStatus: ['PENDING'] })).toEqual(['e1']);
    expect(ids({ 'context.rootEntityId': ['1'] })).toEqual(['e1']);
    log.update('e1', { eventStatus: 'COMPLETE' });
    log.update('e30', { eventStatus: 'FAILED' });
    expect(ids({ eventStatus: ['PENDING'] })).toEqual([]);
    expect(ids({ eventStatus: ['FAILED'] })).toEqual(['e30']);
    expect(ids({ 'context.entityRef': ['HD_30'], eventStatus: ['FAILED'] })).toEqual(['e30']);
  });

  it('drops records older than the age limit on the virtual clock', async () => {
    const { clock, log, add, all } = setup(8, 1);
    add();
    add();
    await clock.advance(2 * DAY);
    // A pass also runs after a quarter of maxRecords appends.
    for (let i = 0; i < 3; i += 1) add();
    expect(all()).toEqual(['e3', 'e4', 'e5']);
    expect(log.stats()).toMatchObject({ records: 3, dropped: 2, oldest: '2026-03-04T09:00:00.000+00:00' });
  });

  it('reports each account event log size and retention in /_sim/health', async () => {
    const t = await createTestApp({ eventRetention: 5000, eventRetentionDays: 7 });
    const res = await request(t.app).get('/_sim/health');
    expect(res.status).toBe(200);
    expect(res.body.eventLogs.LOCAL).toEqual({
      records: expect.any(Number),
      dropped: 0,
      oldest: expect.any(String),
      retention: { maxRecords: 5000, maxAgeDays: 7 },
    });
    expect(res.body.eventLogs.LOCAL.records).toBeGreaterThan(0);
  });
});

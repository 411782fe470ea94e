import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../server/http/error-handler.js';
import { parseQueryString } from '../../server/http/parse-query-string.js';
import { createEventRouter } from '../../server/http/routes/event-routes.js';
import { createSimOrchestrationRouter } from '../../server/http/routes/sim-orchestration-routes.js';
import { createHarness, orderWorkflow, T0 } from '../orchestration/engine-harness.js';

const workflow = orderWorkflow([
  { name: 'CREATE', triggers: ['CREATED'], rules: [['test.SetState', { status: 'BOOKED' }]] },
  { name: 'Explode', rules: [['test.Throw', { message: 'Fraud check service unavailable' }]] },
]);

function setup() {
  const h = createHarness({ workflows: [workflow] });
  const order = h.domain.addOrder({ ref: 'HD_1' });
  const app = express();
  app.use(createEventRouter(() => ({ engine: h.engine, events: h.events, accountId: 'ACME', clock: h.clock })));
  app.use(createSimOrchestrationRouter(() => ({ engine: h.engine, registry: h.registry })));
  app.use(createErrorHandler(() => undefined));
  return { h, app, order };
}

const event = (fields: Record<string, unknown> = {}) => ({
  name: 'CREATE',
  retailerId: '1',
  entityType: 'ORDER',
  entityRef: 'HD_1',
  rootEntityType: 'ORDER',
  rootEntityRef: 'HD_1',
  ...fields,
});

describe('POST /api/v4.1/event/async', () => {
  it('answers 200 with the accepted event and its generated id, then processes it', async () => {
    const { h, app } = setup();
    const res = await request(app)
      .post('/api/v4.1/event/async')
      .send(event({ retailerId: 1, attributes: { reason: 'x' } }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'CREATE',
      retailerId: '1',
      accountId: 'ACME',
      entityType: 'ORDER',
      entityRef: 'HD_1',
      rootEntityType: 'ORDER',
      rootEntityRef: 'HD_1',
      attributes: { reason: 'x' },
    });
    expect(h.events.get(res.body.id)).toMatchObject({ source: 'Fluent-API', attributes: [{ name: 'reason', value: 'x', type: 'STRING' }] });
    await h.engine.drain();
    expect(h.events.get(res.body.id)?.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', ref: 'HD_1' })?.status).toBe('BOOKED');
  });

  it('accepts an unknown event name with 200 and records NO_MATCH later (§8 #7)', async () => {
    const { h, app } = setup();
    const res = await request(app)
      .post('/api/v4.1/event/async')
      .send(event({ name: 'UPSERT_PRODUCT' }));
    expect(res.status).toBe(200);
    await h.engine.drain();
    expect(h.events.get(res.body.id)?.eventStatus).toBe('NO_MATCH');
  });

  it.each([
    ['retailerId', { retailerId: undefined }],
    ['retailerId', { retailerId: '' }],
    ['name', { name: null }],
    ['entityType', { entityType: undefined }],
  ])('answers 400 NotNull "\'%s\' is required"', async (field, fields) => {
    const { app } = setup();
    const res = await request(app).post('/api/v4.1/event/async').send(event(fields));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ code: 'NotNull', message: `'${field}' is required` }] });
  });

  it('answers 400 for a field of the wrong type and for malformed JSON', async () => {
    const { app } = setup();
    const wrong = await request(app)
      .post('/api/v4.1/event/async')
      .send(event({ entityId: { id: 1 } }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toEqual({ code: '400', message: "'entityId': expected a string or a number" });
    const malformed = await request(app).post('/api/v4.1/event/async').set('content-type', 'application/json').send('{"name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].code).toBe('400');
  });
});

describe('POST /api/v4.1/event/sync', () => {
  it('answers 200 COMPLETE after the workflow ran', async () => {
    const { h, app, order } = setup();
    const res = await request(app)
      .post('/api/v4.1/event/sync')
      .send(event({ entityId: Number(order.id), entityRef: undefined }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventId: expect.any(String), entityId: order.id, eventStatus: 'COMPLETE' });
    expect(h.domain.find({ entityType: 'ORDER', id: order.id })?.status).toBe('BOOKED');
  });

  it('answers 400 FAILED with the error message when a rule fails', async () => {
    const { app, order } = setup();
    const res = await request(app)
      .post('/api/v4.1/event/sync')
      .send(event({ name: 'Explode' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      eventId: expect.any(String),
      entityId: order.id,
      eventStatus: 'FAILED',
      errorMessage: 'Rule ACME.test.Throw in ruleset Explode failed: Fraud check service unavailable',
    });
  });

  it('answers 400 NO_MATCH without errorMessage when a ruleset has the name but does not match', async () => {
    const { app, order } = setup();
    await request(app).post('/api/v4.1/event/sync').send(event());
    const res = await request(app).post('/api/v4.1/event/sync').send(event());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ eventId: expect.any(String), entityId: order.id, eventStatus: 'NO_MATCH' });
  });

  it('answers 400 NO_MATCH naming the closest ruleset names when no ruleset has the name', async () => {
    const { app, order } = setup();
    const res = await request(app)
      .post('/api/v4.1/event/sync')
      .send(event({ name: 'explode' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      eventId: expect.any(String),
      entityId: order.id,
      eventStatus: 'NO_MATCH',
      errorMessage: 'workflow ORDER::HD 1.0 has no ruleset named "explode"; closest ruleset names: Explode',
    });
    const explain = await request(app).get(`/_sim/events/${res.body.eventId}/explain`);
    expect(explain.body).toMatchObject({ similarRulesetNames: ['Explode'], outcome: { type: 'noMatch', reason: res.body.errorMessage } });
  });
});

describe('GET /api/v4.1/event', () => {
  it('returns one event by id, and 404 for an unknown id', async () => {
    const { app } = setup();
    const { body } = await request(app).post('/api/v4.1/event/sync').send(event());
    const res = await request(app).get(`/api/v4.1/event/${body.eventId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: body.eventId,
      name: 'CREATE',
      type: 'ORCHESTRATION',
      retailerId: '1',
      eventStatus: 'COMPLETE',
      generatedOn: '2026-03-02T09:00:00.000+00:00',
    });
    const missing = await request(app).get('/api/v4.1/event/00000000-0000-4000-8000-00000000ffff');
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe('404');
  });

  it('searches with the OMX dashboard query (context.entityType, eventType, eventStatus, from)', async () => {
    const { app } = setup();
    await request(app).post('/api/v4.1/event/sync').send(event());
    const failed = await request(app)
      .post('/api/v4.1/event/sync')
      .send(event({ name: 'Explode' }));
    const from = new Date(T0.getTime() - 60_000).toISOString();
    const res = await request(app).get(`/api/v4.1/event?context.entityType=ORDER&eventType=ORCHESTRATION&eventStatus=FAILED&from=${from}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ start: 0, count: 100, hasMore: false });
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual([failed.body.eventId]);
  });

  it('pages with start and count, and finds audits by context.sourceEvents', async () => {
    const { app } = setup();
    const { body } = await request(app).post('/api/v4.1/event/sync').send(event());
    const audits = await request(app).get('/api/v4.1/event').query({ 'context.sourceEvents': body.eventId, eventType: 'ORCHESTRATION_AUDIT' });
    expect(audits.body.results.map((r: { category: string }) => r.category).sort()).toEqual(['ACTION', 'rule', 'ruleSet', 'snapshot']);
    const page = await request(app).get('/api/v4.1/event?start=1&count=2');
    expect(page.body).toMatchObject({ start: 1, count: 2, hasMore: true });
    expect(page.body.results).toHaveLength(2);
  });

  it("reads context.* filters with the app's query parser", async () => {
    const { app } = setup();
    app.set('query parser', parseQueryString);
    await request(app).post('/api/v4.1/event/sync').send(event());
    const res = await request(app).get('/api/v4.1/event?context.entityRef=HD_1&eventType=ORCHESTRATION');
    expect(res.body.results).toHaveLength(1);
    const none = await request(app).get('/api/v4.1/event?context.entityRef=HD_2');
    expect(none.body.results).toEqual([]);
  });

  it.each([
    ['from=yesterday', "'from' must be a UTC ISO date-time"],
    ['count=0', "'count' must be a whole number ≥ 1"],
    ['start=-1', "'start' must be a whole number ≥ 0"],
  ])('answers 400 for %s', async (query, message) => {
    const { app } = setup();
    const res = await request(app).get(`/api/v4.1/event?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain(message);
  });
});

describe('GET /_sim/events/:id/explain', () => {
  it('returns the execution trace of an event, and 404 for an unknown one', async () => {
    const { app } = setup();
    const { body } = await request(app)
      .post('/api/v4.1/event/sync')
      .send(event({ name: 'Explode' }));
    const res = await request(app).get(`/_sim/events/${body.eventId}/explain`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      eventId: body.eventId,
      entity: { entityType: 'ORDER', ref: 'HD_1', status: 'CREATED' },
      workflow: { name: 'ORDER::HD', version: '1.0' },
      rulesets: [{ ruleset: 'Explode', matched: true }],
      rules: [{ rule: 'ACME.test.Throw', resolvedAs: 'test.Throw', error: 'Fraud check service unavailable' }],
      outcome: { type: 'failed', rule: 'ACME.test.Throw', ruleset: 'Explode' },
    });
    expect((await request(app).get('/_sim/events/nope/explain')).status).toBe(404);
  });
});

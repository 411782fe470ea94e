import express from 'express';
import request from 'supertest';
import { createTestApp } from '../support/test-app.js';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../server/http/error-handler.js';
import { createSimOrchestrationRouter } from '../../server/http/routes/sim-orchestration-routes.js';
import { createWorkflowRouter } from '../../server/http/routes/workflow-routes.js';
import { createHarness, orderWorkflow } from '../orchestration/engine-harness.js';
import { MESSY_ORDER_WORKFLOW } from '../orchestration/messy-workflow.js';

function setup(unknownRulePolicy: 'error' | 'skip' = 'error') {
  const h = createHarness({ unknownRulePolicy });
  const app = express();
  app.use(createWorkflowRouter(() => ({ workflows: h.workflows })));
  app.use(createSimOrchestrationRouter(() => ({ engine: h.engine, registry: h.registry })));
  app.use(createErrorHandler(() => undefined));
  return { h, app };
}

const workflow = (status: string) => orderWorkflow([{ name: 'CREATE', triggers: ['CREATED'], rules: [['test.SetState', { status }]] }]);

describe('PUT /api/v4.1/workflow', () => {
  it('stores versions 1.0 then 1.1 and answers {entityId, eventStatus}', async () => {
    const { app } = setup();
    const first = await request(app).put('/api/v4.1/workflow').send(workflow('BOOKED'));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ entityId: '1-ORDER::HD::1.0', eventStatus: 'COMPLETE' });
    const second = await request(app).put('/api/v4.1/workflow').send(workflow('CONFIRMED'));
    expect(second.body).toEqual({ entityId: '1-ORDER::HD::1.1', eventStatus: 'COMPLETE' });
  });

  it('answers 400 naming the JSON pointer of a malformed part', async () => {
    const { app } = setup();
    const body = { ...workflow('X'), rulesets: [{ name: 'CREATE', type: 'ORDER', rules: [{ props: { status: 'X' } }] }] };
    const res = await request(app).put('/api/v4.1/workflow').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ code: '400', message: 'request body#/rulesets/0/rules/0/name: expected the rule name as a string, e.g. "ACME.core.SetState"' }],
    });
  });

  it('answers 400 for an unknown rule under the error policy, with close names', async () => {
    const { app } = setup();
    const body = orderWorkflow([{ name: 'CREATE', rules: [['test.SetStat', { status: 'X' }]] }]);
    const res = await request(app).put('/api/v4.1/workflow').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/^Ruleset "CREATE" \(request body#\/rulesets\/0\/rules\/0\) references unknown rule "ACME.test.SetStat".*Known rules close to it: test.SetState/);
  });

  it('answers 400 for bad props and NotNull for a missing retailerId', async () => {
    const { app } = setup();
    const badProps = await request(app).put('/api/v4.1/workflow').send(workflow(''));
    expect(badProps.status).toBe(400);
    expect(badProps.body.errors[0].message).toContain('request body#/rulesets/0/rules/0/props/status');
    const noRetailer = await request(app).put('/api/v4.1/workflow').send({ ...workflow('A'), retailerId: undefined });
    expect(noRetailer.body).toEqual({ errors: [{ code: 'NotNull', message: "'retailerId' is required" }] });
  });

  it('accepts a messy real-format workflow with customer rules under the skip policy', async () => {
    const { app } = setup('skip');
    const res = await request(app).put('/api/v4.1/workflow').send(MESSY_ORDER_WORKFLOW);
    expect(res.status).toBe(200);
    // A first store is version 1.0 whatever the body says (§5.1).
    expect(res.body.entityId).toBe('1-ORDER::HD::1.0');
  });
});

describe('GET /api/v4.1/workflow/:retailerId/:name', () => {
  it('follows a deploy script: 404 first, then PUT, then the latest with .version and .rulesets', async () => {
    const { app } = setup();
    const before = await request(app).get('/api/v4.1/workflow/1/ORDER::HD');
    expect(before.status).toBe(404);
    expect(before.body).toEqual({ errors: [{ code: '404', message: 'Unable to find Workflow' }] });

    await request(app).put('/api/v4.1/workflow').send(workflow('BOOKED'));
    await request(app).put('/api/v4.1/workflow').send(workflow('CONFIRMED'));
    const latest = await request(app).get('/api/v4.1/workflow/1/ORDER::HD');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ retailerId: '1', name: 'ORDER::HD', version: '1.1', rulesets: [{ name: 'CREATE', rules: [{ props: { status: 'CONFIRMED' } }] }] });
    const encoded = await request(app).get('/api/v4.1/workflow/1/ORDER%3A%3AHD/1.0');
    expect(encoded.status).toBe(200);
    expect(encoded.body).toMatchObject({ version: '1.0', rulesets: [{ rules: [{ props: { status: 'BOOKED' } }] }] });
    expect((await request(app).get('/api/v4.1/workflow/1/ORDER::HD/1.9')).status).toBe(404);
    expect((await request(app).get('/api/v4.1/workflow/2/ORDER::HD')).status).toBe(404);
  });
});

describe('GET /_sim/rules', () => {
  it('lists the rule catalogue with props as JSON Schema', async () => {
    const { app } = setup();
    const res = await request(app).get('/_sim/rules');
    expect(res.status).toBe(200);
    expect(res.body.unknownRulePolicy).toBe('error');
    expect(res.body.rules).toContainEqual({
      name: 'test.SetState',
      aliases: ['testlib.ChangeState'],
      module: 'test',
      description: 'Sets the status of the event entity.',
      inferred: null,
      props: expect.objectContaining({ type: 'object', required: ['status'] }),
    });
  });

  it('names each built-in rule\'s module and what of it is inferred', async () => {
    const t = await createTestApp();
    const rules = (await request(t.app).get('/_sim/rules')).body.rules as { name: string; module: string; inferred: string | null; props: unknown }[];
    expect(rules.find((r) => r.name === 'globalinventory.CreateVariantProduct')).toMatchObject({ module: 'Inventory Reference Module', inferred: null });
    expect(rules.find((r) => r.name === 'commonv2.AddEventAttributesToEntity')).toMatchObject({
      module: 'commonv2 library (order and fulfilment)',
      inferred: expect.stringContaining('attributeNames'),
    });
    const schema = JSON.stringify(rules.find((r) => r.name === 'commonv2.AddEventAttributesToEntity')?.props);
    for (const prop of ['attributeNames', 'attributeTypes', 'attributeDefaultValues']) expect(schema).toContain(`"${prop}"`);
  });
});

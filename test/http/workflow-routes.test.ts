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
  const warnings: { data: object; message: string }[] = [];
  const app = express();
  app.use(createWorkflowRouter(() => ({ workflows: h.workflows }), { logger: { warn: (data, message) => void warnings.push({ data, message }) } }));
  app.use(createSimOrchestrationRouter(() => ({ engine: h.engine, registry: h.registry })));
  app.use(createErrorHandler(() => undefined));
  return { h, app, warnings };
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

  it('answers 400 listing every unknown rule under the error policy, with pointers and close names', async () => {
    const { app, h, warnings } = setup();
    const body = orderWorkflow([
      { name: 'CREATE', rules: [['test.SetStat', { status: 'X' }], ['custom.CheckFraud']] },
      {
        name: 'Pick',
        rules: [
          ['test.SetState', { status: 'PICKED' }],
          ['test.SetStat', { status: 'Y' }],
        ],
      },
    ]);
    const res = await request(app).put('/api/v4.1/workflow').send(body);
    expect(res.status).toBe(400);
    const message =
      'request body: 3 rules name rules the simulator does not know (2 distinct names; unknown-rule policy "error"):\n' +
      '- "ACME.test.SetStat" ×2 at request body#/rulesets/0/rules/0/name, request body#/rulesets/1/rules/1/name ' +
      '(looked up as "test.SetStat"): closest known rule: test.SetState\n' +
      '- "ACME.custom.CheckFraud" at request body#/rulesets/0/rules/1/name (looked up as "custom.CheckFraud"): no known rule is close to it\n' +
      'Supply them with --rules DIR (GET /_sim/rules lists the known rules), or load with --unknown-rules skip.';
    expect(res.body).toEqual({ errors: [{ code: '400', message }] });
    expect(warnings).toEqual([{ data: { unknownRules: ['ACME.test.SetStat', 'ACME.custom.CheckFraud'] }, message }]);
    expect(h.workflows.list()).toEqual([]);
  });

  it('says under the skip policy how many rules will be no-ops, which names, and the closest known rule', async () => {
    const { app, warnings } = setup('skip');
    const body = orderWorkflow([
      { name: 'CREATE', rules: [['test.SetStat', { status: 'X' }], ['custom.CheckFraud'], ['test.SetState', { status: 'BOOKED' }]] },
      { name: 'Pick', rules: [['custom.CheckFraud']] },
    ]);
    const res = await request(app).put('/api/v4.1/workflow').send(body);
    expect(res.status).toBe(200);
    const message =
      'request body: 3 of 4 rules are not simulated and will run as no-ops (unknown-rule policy "skip"), 2 distinct names: ' +
      '"ACME.test.SetStat": closest known rule: test.SetState; "ACME.custom.CheckFraud" ×2';
    expect(res.body).toEqual({
      entityId: '1-ORDER::HD::1.0',
      eventStatus: 'COMPLETE',
      unknownRules: {
        policy: 'skip',
        count: 3,
        message,
        names: [
          { name: 'ACME.test.SetStat', count: 1, pointers: ['/rulesets/0/rules/0/name'], suggestions: ['test.SetState'] },
          { name: 'ACME.custom.CheckFraud', count: 2, pointers: ['/rulesets/0/rules/1/name', '/rulesets/1/rules/0/name'], suggestions: [] },
        ],
      },
    });
    expect(warnings).toEqual([{ data: { workflow: '1-ORDER::HD::1.0', rules: 3, names: ['ACME.test.SetStat', 'ACME.custom.CheckFraud'] }, message }]);
    const clean = await request(app).put('/api/v4.1/workflow').send(workflow('BOOKED'));
    expect(clean.body).toEqual({ entityId: '1-ORDER::HD::1.1', eventStatus: 'COMPLETE' });
    expect(warnings).toHaveLength(1);
  });

  it('answers 400 for bad props and NotNull for a missing retailerId', async () => {
    const { app } = setup();
    const badProps = await request(app).put('/api/v4.1/workflow').send(workflow(''));
    expect(badProps.status).toBe(400);
    expect(badProps.body.errors[0].message).toContain('request body#/rulesets/0/rules/0/props/status');
    const noRetailer = await request(app)
      .put('/api/v4.1/workflow')
      .send({ ...workflow('A'), retailerId: undefined });
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
    expect(latest.body).toMatchObject({
      retailerId: '1',
      name: 'ORDER::HD',
      version: '1.1',
      rulesets: [{ name: 'CREATE', rules: [{ props: { status: 'CONFIRMED' } }] }],
    });
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

  it("names each built-in rule's module and what of it is inferred", async () => {
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

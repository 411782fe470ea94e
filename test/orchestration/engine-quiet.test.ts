import { describe, expect, it } from 'vitest';
import { createHarness, orderWorkflow } from './engine-harness.js';

const lifecycle = orderWorkflow([
  {
    name: 'CREATE',
    triggers: ['CREATED'],
    rules: [
      ['test.SetState', { status: 'BOOKED' }],
      ['test.SendEvent', { eventName: 'Validate' }],
    ],
  },
  { name: 'Validate', triggers: ['BOOKED'], rules: [['test.SetState', { status: 'VALIDATED' }]] },
]);
const throwing = orderWorkflow([{ name: 'CREATE', rules: [['test.Throw', { message: 'payment service down' }]] }]);

const submit = (h: ReturnType<typeof createHarness>, quiet: boolean) =>
  h.engine.submit({ name: 'CREATE', retailerId: '1', entityType: 'ORDER', entityRef: 'HD_1' }, { mode: 'sync', quiet });

describe('engine: quiet events (batch records)', () => {
  it('runs the workflow and keeps ORCHESTRATION records, but writes no audits and keeps no trace', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    const order = h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, true);

    expect(result.eventStatus).toBe('COMPLETE');
    expect(h.domain.find({ entityType: 'ORDER', id: order.id })?.status).toBe('VALIDATED');
    expect(h.orchestration().map((r) => `${r.name}:${r.eventStatus}`)).toEqual(['CREATE:COMPLETE', 'Validate:COMPLETE']);
    expect(h.all().filter((r) => r.type === 'ORCHESTRATION_AUDIT')).toEqual([]);
    expect(h.engine.explain(result.eventId)).toBeUndefined();
  });

  it('audits and traces the same event in full when it is not quiet', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, false);
    expect(h.auditsOf(result.eventId).length).toBeGreaterThan(0);
    expect(h.engine.explain(result.eventId)?.outcome).toEqual({ type: 'complete' });
  });

  it('still writes the exception audit of a quiet event that fails', async () => {
    const h = createHarness({ workflows: [throwing] });
    h.domain.addOrder({ ref: 'HD_1' });
    const result = await submit(h, true);
    expect(result.eventStatus).toBe('FAILED');
    expect(h.auditsOf(result.eventId).map((a) => `${a.category}:${a.eventStatus}`)).toEqual(['rule:FAILED', 'ruleSet:FAILED', 'exception:FAILED']);
  });

  it('makes CREATE events raised inside quietly() quiet, and only those', async () => {
    const h = createHarness({ workflows: [lifecycle] });
    const quietOrder = h.engine.quietly(() => h.domain.mutate('createOrder', { ref: 'HD_Q' }));
    h.domain.mutate('createOrder', { ref: 'HD_L' });
    await h.engine.drain();
    const create = (ref: string) => h.orchestration().find((r) => r.name === 'CREATE' && r.context.entityRef === ref)!;
    expect(quietOrder['ref']).toBe('HD_Q');
    expect(h.auditsOf(create('HD_Q').id)).toEqual([]);
    expect(h.auditsOf(create('HD_L').id).length).toBeGreaterThan(0);
  });
});

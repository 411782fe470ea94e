import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/**
 * The CONTROL_GROUP contract (workflow-contracts.md §4): CREATE (sent by the integration, the
 * platform raises none for controls), DeactivateControl, ActivateControl and UpdateControl
 * (`controlValue`, `executionOrder`) on a QUANTITY_BUFFER control, read back over GraphQL.
 */
describe('CONTROL_GROUP::DEFAULT over the Event API', () => {
  it('creates, deactivates, reactivates and updates a control', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await t.gql('mutation { createControlGroup(input: { ref: "CG-1", type: "DEFAULT", name: "Buffers" }) { id } }');
    await t.gql('mutation { createControl(input: { ref: "BUFFER-1", type: "QUANTITY_BUFFER", name: "Buffer", controlGroup: { ref: "CG-1" } }) { id } }');
    const send = (name: string, entity: Record<string, string>, attributes: Record<string, unknown> = {}) =>
      request(t.app)
        .post('/api/v4.1/event/sync')
        .set(auth)
        .send({ name, retailerId: '1', rootEntityType: 'CONTROL_GROUP', rootEntityRef: 'CG-1', attributes, ...entity });
    const control = { entityType: 'CONTROL', entitySubtype: 'QUANTITY_BUFFER', entityRef: 'BUFFER-1' };
    const read = async () =>
      (
        await t.gql<{ control: { status: string; executionOrder: number | null; values: { name: string; value: unknown }[] | null } }>(
          '{ control(ref: "BUFFER-1", controlGroup: { ref: "CG-1" }) { status executionOrder values { name value } } }',
        )
      ).data.control;

    expect((await send('CREATE', { entityType: 'CONTROL_GROUP', entitySubtype: 'DEFAULT', entityRef: 'CG-1' })).body.eventStatus).toBe('COMPLETE');
    expect((await send('CREATE', control)).body.eventStatus).toBe('COMPLETE');
    expect((await read()).status).toBe('ACTIVE');
    expect((await send('DeactivateControl', control)).body.eventStatus).toBe('COMPLETE');
    expect((await read()).status).toBe('INACTIVE');
    // UpdateControl is accepted on ACTIVE controls only.
    expect((await send('UpdateControl', control, { controlValue: -555, executionOrder: 1 })).body.eventStatus).toBe('NO_MATCH');
    expect((await send('ActivateControl', control)).body.eventStatus).toBe('COMPLETE');
    const updated = await send('UpdateControl', control, { controlValue: -555, executionOrder: 1 });
    expect(updated.body.eventStatus).toBe('COMPLETE');
    expect(await read()).toEqual({ status: 'ACTIVE', executionOrder: 1, values: [{ name: 'value', value: -555 }] });

    const missing = await send('UpdateControl', control, { executionOrder: 2 });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"controlValue"') });
    expect((await read()).executionOrder).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { activateVirtualCatalogue, runInventoryBatch, sendSync, virtualPositions } from './inventory-support.js';

/**
 * Control-group buffers (workflow-contracts.md §4, §3.1 "control logic applied only if
 * virtualCatalogueControlGroupRef present"): an ACTIVE QUANTITY_BUFFER control of the virtual
 * catalogue's control group lowers its virtual positions' quantity; UpdateControl,
 * DeactivateControl and ActivateControl recalculate them. [inferred]: the value is subtracted from
 * every position (control conditions are not simulated), never below 0.
 */
describe('QUANTITY_BUFFER controls on a BASE virtual catalogue', () => {
  it('lowers the virtual quantity and recalculates on every control change', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const group = { rootEntityType: 'CONTROL_GROUP', rootEntityRef: 'CG-ATS' };
    const control = { ...group, entityType: 'CONTROL', entitySubtype: 'QUANTITY_BUFFER', entityRef: 'BUFFER-1' };
    await t.gql('mutation { createControlGroup(input: { ref: "CG-ATS", type: "DEFAULT", name: "ATS" }) { id } }');
    await t.gql(
      'mutation { createControl(input: { ref: "BUFFER-1", type: "QUANTITY_BUFFER", name: "Buffer", controlGroup: { ref: "CG-ATS" }, values: [{ name: "value", type: "INTEGER", value: 5 }] }) { id } }',
    );
    expect(
      (await sendSync(t, auth, { ...group, entityType: 'CONTROL_GROUP', entitySubtype: 'DEFAULT', entityRef: 'CG-ATS', name: 'CREATE' })).body.eventStatus,
    ).toBe('COMPLETE');
    expect((await sendSync(t, auth, { ...control, name: 'CREATE' })).body.eventStatus).toBe('COMPLETE');
    const created = await t.gql(
      'mutation { createVirtualCatalogue(input: { ref: "VC:BUF", type: "BASE", name: "Buffered", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1", controlGroupRef: "CG-ATS" }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    await activateVirtualCatalogue(t, auth, 'VC:BUF', 'BASE');

    await runInventoryBatch(t, auth, [
      { skuRef: 'BUF-1', locationRef: 'LOC_MEL_STORE', qty: 12, retailerId: 1 },
      { skuRef: 'BUF-2', locationRef: 'LOC_MEL_STORE', qty: 3, retailerId: 1 },
    ]);
    const quantities = async () => Object.fromEntries((await virtualPositions(t, 'VC:BUF')).map((vp) => [vp.ref, vp.quantity]));
    expect(await quantities()).toEqual({ 'BUF-1:LOC_MEL_STORE': 7, 'BUF-2:LOC_MEL_STORE': 0 });
    // The seeded BASE:1 has no control group: the same stock, unbuffered.
    expect((await virtualPositions(t, 'BASE:1')).find((vp) => vp.ref === 'BUF-1:LOC_MEL_STORE')?.quantity).toBe(12);

    expect((await sendSync(t, auth, { ...control, name: 'UpdateControl', attributes: { controlValue: 2, executionOrder: 1 } })).body.eventStatus).toBe(
      'COMPLETE',
    );
    await expect.poll(quantities).toEqual({ 'BUF-1:LOC_MEL_STORE': 10, 'BUF-2:LOC_MEL_STORE': 1 });
    expect((await sendSync(t, auth, { ...control, name: 'DeactivateControl' })).body.eventStatus).toBe('COMPLETE');
    await expect.poll(quantities).toEqual({ 'BUF-1:LOC_MEL_STORE': 12, 'BUF-2:LOC_MEL_STORE': 3 });
    expect((await sendSync(t, auth, { ...control, name: 'ActivateControl' })).body.eventStatus).toBe('COMPLETE');
    await expect.poll(quantities).toEqual({ 'BUF-1:LOC_MEL_STORE': 10, 'BUF-2:LOC_MEL_STORE': 1 });
  });
});

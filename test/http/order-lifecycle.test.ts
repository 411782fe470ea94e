import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { hdChoice } from '../support/delivery-address.js';

/**
 * The default ORDER::HD workflow driven the way a warehouse integration drives it: sync events
 * over the Event API move the fulfilment and the order to COMPLETE; a wrong event is NO_MATCH.
 */
describe('an HD order through its workflow over the Event API', () => {
  it('goes CREATED → BOOKED → PICK_PACK → COMPLETE with WaveCreate, ConfirmPick and ConfirmShip', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'LC-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('LC-1'),
        items: [{ ref: 'LC-1-1', productRef: 'RUNNER-42', quantity: 1 }],
      },
    });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const state = async () =>
      (
        await t.gql<{ order: { status: string; fulfilments: { edges: { node: { status: string } }[] } } }>(
          '{ order(ref: "LC-1") { status fulfilments { edges { node { status } } } } }',
        )
      ).data.order;
    expect(await state()).toEqual({ status: 'BOOKED', fulfilments: { edges: [{ node: { status: 'AWAITING_WAVE' } }] } });

    const send = (name: string, entity: Record<string, string>) =>
      request(t.app)
        .post('/api/v4.1/event/sync')
        .set(auth)
        .send({ name, retailerId: 1, rootEntityType: 'ORDER', rootEntityRef: 'LC-1', ...entity });
    const fulfilment = { entityType: 'FULFILMENT', entityRef: 'LC-1-F1' };

    const wave = await send('WaveCreate', fulfilment);
    expect(wave.status).toBe(200);
    expect(wave.body).toMatchObject({ eventStatus: 'COMPLETE', eventId: expect.any(String) });
    expect(await state()).toEqual({ status: 'PICK_PACK', fulfilments: { edges: [{ node: { status: 'ASSIGNED' } }] } });

    // Shipping before picking matches no ruleset: 400 NO_MATCH, nothing moves.
    const early = await send('ConfirmShip', fulfilment);
    expect(early.status).toBe(400);
    expect(early.body).toEqual({ eventId: expect.any(String), entityId: expect.any(String), eventStatus: 'NO_MATCH' });
    expect((await state()).fulfilments.edges[0]!.node.status).toBe('ASSIGNED');

    expect((await send('ConfirmPick', fulfilment)).body.eventStatus).toBe('COMPLETE');
    expect((await send('ConfirmShip', fulfilment)).body.eventStatus).toBe('COMPLETE');
    expect(await state()).toEqual({ status: 'COMPLETE', fulfilments: { edges: [{ node: { status: 'SHIPPED' } }] } });

    const trail = await request(t.app).get('/api/v4.1/event').query({ 'context.rootEntityRef': 'LC-1', eventType: 'ORCHESTRATION', count: 50 }).set(auth);
    const names = (trail.body.results as { name: string; eventStatus: string }[]).map((e) => `${e.name}:${e.eventStatus}`);
    expect(names).toEqual(
      expect.arrayContaining(['WaveCreate:COMPLETE', 'ConfirmShip:NO_MATCH', 'ConfirmPick:COMPLETE', 'ConfirmShip:COMPLETE', 'OrderComplete:COMPLETE']),
    );
  });
});

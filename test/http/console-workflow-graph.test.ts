import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Node = { id: string; kind: string; name?: string; skipped?: string[] };
type Edge = { from: string; to: string; kind: string };

/** The status/event graph the console draws (server/console/workflow-graph.ts), over HTTP. */
describe('GET /_sim/console/workflows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ unknownRules: 'skip' });
  });

  it('lists the loaded workflows with their versions', async () => {
    const res = await request(t.app).get('/_sim/console/workflows');
    expect(res.body.workflows).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ORDER::HD', versions: ['1.0'] })]));
  });

  it('derives trigger → ruleset → status edges and sent events from the rulesets', async () => {
    const { workflows } = (await request(t.app).get('/_sim/console/workflows')).body as { workflows: { retailerId: string; name: string }[] };
    const hd = workflows.find((w) => w.name === 'ORDER::HD')!;
    const res = await request(t.app).get(`/_sim/console/workflows/${encodeURIComponent(hd.retailerId)}/ORDER::HD/1.0`);
    expect(res.status).toBe(200);
    const { nodes, edges } = res.body.graph as { nodes: Node[]; edges: Edge[] };
    const rulesets = (name: string) => nodes.filter((n) => n.kind === 'ruleset' && n.name === name).map((n) => n.id);
    const [createOrder] = rulesets('CREATE');
    expect(edges).toContainEqual({ from: 'status:ORDER:CREATED', to: createOrder, kind: 'trigger' });
    // workflow-contracts.md §5.2: CREATE receives the order and checks its coordinates; ProcessOrder books it.
    expect(edges).toContainEqual({ from: createOrder, to: 'status:ORDER:RECEIVED', kind: 'sets' });
    expect(edges.filter((e) => e.from === createOrder && e.kind === 'sends').map((e) => e.to)).toEqual(rulesets('CheckOrderCoordinates'));
    const [processOrder] = rulesets('ProcessOrder');
    expect(edges).toContainEqual({ from: processOrder, to: 'status:ORDER:BOOKED', kind: 'sets' });
    expect(res.body.workflow).toMatchObject({ name: 'ORDER::HD', entityType: 'ORDER' });
  });

  it('marks rulesets whose rules the simulator does not run', async () => {
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const workflow = {
      retailerId: '1',
      name: 'ORDER::MARKED',
      entityType: 'ORDER',
      entitySubtype: 'MARKED',
      statuses: [{ name: 'CREATED', entityType: 'ORDER' }],
      rulesets: [
        { name: 'CREATE', type: 'ORDER', eventType: 'NORMAL', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ACME.custom.DoSomething', props: {} }] },
      ],
    };
    expect((await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflow)).status).toBe(200);
    const res = await request(t.app).get('/_sim/console/workflows/1/ORDER::MARKED/1.0');
    const create = (res.body.graph.nodes as Node[]).find((n) => n.kind === 'ruleset');
    expect(create?.skipped).toEqual(['ACME.custom.DoSomething']);
    expect((await request(t.app).get('/_sim/console/workflows/1/ORDER::NONE/1.0')).status).toBe(404);
  });
});

/**
 * The client side of the HD lifecycle bench (lifecycle.ts), run in a worker thread: each of a
 * few concurrent "integrations" creates an HD order over GraphQL, waits (polling GraphQL, as an
 * integration without a webhook receiver would) for its fulfilment to await a wave, then sends
 * what a warehouse sends — WaveCreate, ConfirmPick, ConfirmShip — as sync events, and checks the
 * order reached COMPLETE. Keep-alive connections, as an integration's HTTP client keeps.
 */
import { Agent, request } from 'node:http';
import { hdChoice } from '../support/delivery-address.js';

export type LifecycleLoad = { base: string; token: string; durationMs: number; concurrency: number; prefix: string; productRef: string };
export type LifecycleCount = { orders: number; requests: number; seconds: number };

const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }';
const STATE = 'query($ref: String!) { order(ref: $ref) { status fulfilments { edges { node { ref status } } } } }';
const WAREHOUSE_EVENTS = ['WaveCreate', 'ConfirmPick', 'ConfirmShip'];

type OrderState = { status: string; fulfilments: { edges: { node: { ref: string; status: string } }[] } } | null;

export async function hdLifecycles(load: LifecycleLoad): Promise<LifecycleCount> {
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const target = new URL(load.base);
  let requests = 0;
  const post = (path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const payload = JSON.stringify(body);
    requests += 1;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${load.token}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  const state = async (ref: string): Promise<OrderState> => {
    const answer = await post('/graphql', { query: STATE, variables: { ref } });
    return (answer.body['data'] as { order: OrderState } | undefined)?.order ?? null;
  };
  const oneOrder = async (ref: string): Promise<void> => {
    const created = await post('/graphql', {
      query: CREATE,
      variables: {
        input: {
          ref,
          type: 'HD',
          retailer: { id: '1' },
          customer: { id: '1' },
          fulfilmentChoice: hdChoice(ref),
          items: [{ ref: `${ref}-1`, productRef: load.productRef, quantity: 1 }],
        },
      },
    });
    if (created.body['errors']) throw new Error(`createOrder ${ref}: ${JSON.stringify(created.body['errors'])}`);
    let fulfilment: { ref: string; status: string } | undefined;
    for (let polls = 0; fulfilment?.status !== 'AWAITING_WAVE'; polls += 1) {
      if (polls > 1000) throw new Error(`order ${ref}: no fulfilment awaiting a wave`);
      if (polls > 0) await new Promise((resolve) => setTimeout(resolve, 1));
      fulfilment = (await state(ref))?.fulfilments.edges[0]?.node;
    }
    for (const name of WAREHOUSE_EVENTS) {
      const answer = await post('/api/v4.1/event/sync', {
        name,
        retailerId: '1',
        entityType: 'FULFILMENT',
        entityRef: fulfilment.ref,
        rootEntityType: 'ORDER',
        rootEntityRef: ref,
      });
      if (answer.body['eventStatus'] !== 'COMPLETE') throw new Error(`order ${ref}: ${name} answered ${JSON.stringify(answer.body)}`);
    }
    const final = await state(ref);
    if (final?.status !== 'COMPLETE') throw new Error(`order ${ref} ended ${final?.status}`);
  };
  const started = Date.now();
  const deadline = started + load.durationMs;
  let orders = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async (_, lane) => {
      for (let i = 0; Date.now() < deadline; i += 1) {
        await oneOrder(`${load.prefix}-${lane}-${i}`);
        orders += 1;
      }
    }),
  );
  agent.destroy();
  return { orders, requests, seconds: (Date.now() - started) / 1000 };
}

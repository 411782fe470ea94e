/**
 * Checks the default workflows in rulesets/: Fluent's workflow JSON shape (fluent-platform.md
 * §5.1), rule names that resolve to built-in rules with props that parse, triggers and target
 * statuses that the workflow declares, and events that some ruleset of the workflow handles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityView, Rule } from '../../server/orchestration/port.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';
import type { NewEvent } from '../../server/orchestration/rules/support/events.js';
import { createWorkflowStore } from '../../server/orchestration/workflow-store.js';
import { fakeReader } from './rules/fake-reader.js';

type RuleRef = { name: string; props?: Record<string, unknown> | null };
type Ruleset = {
  name: string;
  description?: string;
  type: string;
  subtype?: string;
  eventType: string;
  rules: RuleRef[];
  triggers: { status: string }[];
  userActions: unknown[];
};
type Workflow = {
  retailerId: string;
  version: string;
  entityType: string;
  entitySubtype: string;
  name: string;
  description: string;
  statuses: { name: string; entityType: string; category: string }[];
  rulesets: Ruleset[];
  settings: Record<string, unknown>;
};

const DIR = fileURLToPath(new URL('../../rulesets/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (file: string): Workflow => JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as Workflow;

const byKey = new Map<string, Rule<unknown>>();
for (const rule of BUILTIN_RULES) for (const key of [rule.name, ...(rule.aliases ?? [])]) byKey.set(key, rule);
/** `{{accountId}}.core.SetState` → `core.SetState`: the account prefix is everything before namespace.Rule. */
const registryKey = (name: string): string => name.split('.').slice(-2).join('.');
const resolve = (name: string): Rule<unknown> | undefined => byKey.get(registryKey(name));

/** Rules that address another entity than the current one; the others send to the current entity. */
const RECEIVER: Record<string, string> = {
  'globalinventory.NotifyVirtualCataloguesOnNetworksMatch': 'VIRTUAL_CATALOGUE',
  'commonv2.SendEventForOrder': 'ORDER',
  'commonv2.SendEventOnVerifyingAllFulfilmentStates': 'ORDER',
  'base.SendEventForAllFulfilments': 'FULFILMENT',
  'globalinventory.ForwardIfCategoryExists': 'CATEGORY',
  'globalinventory.DownToCategory': 'CATEGORY',
  'globalinventory.ForwardIfStandardProductExists': 'PRODUCT',
  'globalinventory.ForwardIfVariantProductExists': 'PRODUCT',
  'globalinventory.DownToProduct': 'PRODUCT',
  'commongi.SendEventToUpdateInventoryQuantity': 'INVENTORY_CATALOGUE',
  'commongi.ProduceVirtualPositionEventsForControlUpdate': 'VIRTUAL_CATALOGUE',
  'commonv2.SendEventForFulfilmentV2': 'FULFILMENT',
  'base.SendEventToReturnFulfilments': 'RETURN_FULFILMENT',
  'commonv2.SendEventForArticlesV2': 'ARTICLE',
  'fulfilment.AllocateConfirmedItemsByFulfilmentExpiry': 'FULFILMENT',
  'fulfilment.NotifyFulfilmentsInWave': 'FULFILMENT',
  'order.SendEventForAppeasementToBillingAccount': 'BILLING_ACCOUNT',
  'order.SendEventForRevisedOrderToBillingAccount': 'BILLING_ACCOUNT',
  'base.SendEventForReturnToBillingAccount': 'BILLING_ACCOUNT',
  'base.SendEventForCreditMemoToReturn': 'RETURN_ORDER',
  'order.SendEventForFulfilmentChoice': 'FULFILMENT_CHOICE',
  'order.SendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice': 'FULFILMENT_CHOICE',
  'order.SendEventOnVerifyingAllFulfilmentChoiceStates': 'ORDER',
  'order.SendEventForAllFulfilmentChoices': 'FULFILMENT_CHOICE',
};
/** Every ruleset of every default workflow: events may cross workflows (fulfilment → inventory catalogue). */
const ALL_RULESETS = files.flatMap((f) => load(f).rulesets);

const rulesOf = (wf: Workflow) => wf.rulesets.flatMap((rs) => rs.rules.map((rule) => ({ rs, rule })));
const hasStatus = (wf: Workflow, entityType: string, status: string) => wf.statuses.some((s) => s.entityType === entityType && s.name === status);

describe('rulesets/', () => {
  it('loads into the workflow store with the built-in rules and unknown-rule policy "error"', async () => {
    const store = createWorkflowStore({ registry: createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'error' }) });
    const loaded = await store.loadDir(DIR);
    expect(loaded.map((wf) => wf.name).sort()).toEqual(files.map((f) => load(f).name).sort());
  });
});

describe.each(files)('rulesets/%s', (file) => {
  const wf = load(file);

  it('has the top-level fields of a Fluent workflow', () => {
    expect(wf).toMatchObject({ retailerId: '1', version: '1.0', settings: {} });
    expect(wf.name).toBe(`${wf.entityType}::${wf.entitySubtype}`);
    expect(file).toBe(`${`${wf.entityType}-${wf.entitySubtype}`.toLowerCase().replaceAll('_', '-')}.json`);
    expect(wf.description.length).toBeLessThanOrEqual(300);
    for (const s of wf.statuses) expect(['BOOKING', 'FULFILMENT', 'DELIVERY', 'DONE']).toContain(s.category);
    for (const rs of wf.rulesets) {
      expect(rs).toMatchObject({ eventType: 'NORMAL', userActions: expect.any(Array), triggers: expect.any(Array) });
      if (rs.type === wf.entityType) expect(rs.subtype).toBe(wf.entitySubtype);
    }
  });

  it('has a CREATE ruleset with a CREATED trigger for every entity type it declares', () => {
    const types = new Set(wf.statuses.map((s) => s.entityType));
    expect(types).toContain(wf.entityType);
    for (const type of types) {
      const create = wf.rulesets.find((rs) => rs.name === 'CREATE' && rs.type === type);
      expect(create?.triggers, `CREATE ruleset for ${type}`).toContainEqual({ status: 'CREATED' });
    }
  });

  it.each(wf.rulesets.map((rs) => [`${rs.type} ${rs.name}`, rs] as const))('%s triggers on declared statuses', (_title, rs) => {
    expect(rs.triggers.length).toBeGreaterThan(0);
    for (const { status } of rs.triggers) expect(hasStatus(wf, rs.type, status), `${rs.type} status ${status}`).toBe(true);
  });

  it.each(rulesOf(wf).map(({ rs, rule }) => [`${rs.type} ${rs.name}: ${rule.name}`, rule] as const))(
    '%s resolves to a built-in rule whose props parse',
    (_title, ref) => {
      expect(ref.name.split('.')).toHaveLength(3);
      const rule = resolve(ref.name);
      expect(rule, `no built-in rule for ${registryKey(ref.name)}`).toBeDefined();
      expect(() => rule?.props.parse(ref.props)).not.toThrow();
    },
  );

  it('sets only statuses it declares', () => {
    for (const { rs, rule } of rulesOf(wf)) {
      if (resolve(rule.name)?.name !== 'core.SetState') continue;
      expect(hasStatus(wf, rs.type, String(rule.props?.['status'])), `${rs.name} sets ${String(rule.props?.['status'])}`).toBe(true);
    }
  });

  it('sends only events that a ruleset for the receiving entity type handles', () => {
    for (const { rs, rule } of rulesOf(wf)) {
      const receiver = RECEIVER[resolve(rule.name)?.name ?? ''] ?? rs.type;
      for (const key of ['eventName', 'noMatchEventName']) {
        const sent = rule.props?.[key];
        if (typeof sent !== 'string') continue;
        const handled = (receiver === rs.type ? wf.rulesets : ALL_RULESETS).some((other) => other.name === sent && other.type === receiver);
        expect(handled, `${rs.type} ${rs.name}: ${rule.name} sends ${sent} to ${receiver}`).toBe(true);
      }
    }
  });
});

/**
 * The stories the default order workflows tell, played by a deliberately tiny interpreter:
 * match by name, type, subtype and trigger status (§5.3), apply setStatus, sendEvent and the
 * createFulfilment mutation, keep webhooks and audits aside. It checks the workflow files and
 * the rules together; the real engine has its own tests.
 */
/** `send` an event to the order or its fulfilment, run the next `scheduled` one, or only look (`none`). */
type Step = { send: 'order' | 'fulfilment' | 'scheduled' | 'none'; name?: string; order: string; fulfilment?: string };

function play(file: string, orderFields: Record<string, unknown>, steps: readonly Step[]) {
  const wf = load(file);
  const root = { entityType: 'ORDER', id: 'o1', ref: 'O-1' };
  const view = (partial: Partial<EntityView> & Pick<EntityView, 'entityType' | 'id' | 'ref'>): EntityView => ({
    typename: partial.entityType,
    subtype: undefined,
    status: 'CREATED',
    workflowRef: undefined,
    workflowVersion: undefined,
    retailerId: '1',
    root,
    fields: {},
    ...partial,
  });
  const entities: EntityView[] = [
    view({ ...root, subtype: wf.entitySubtype, workflowRef: wf.name, fields: orderFields }),
    view({
      entityType: 'LOCATION',
      id: 'l1',
      ref: 'STORE-1',
      subtype: 'STORE',
      status: 'ACTIVE',
      root: { entityType: 'LOCATION', id: 'l1', ref: 'STORE-1' },
      fields: { primaryAddress: { id: 'a1' } },
    }),
  ];
  // The system-rejected location of CreateRejectedFulfilment, in no network.
  entities.push(
    view({
      entityType: 'LOCATION',
      id: 'l9',
      ref: 'SYSTEM_REJECTED',
      subtype: 'SYSTEM',
      root: { entityType: 'LOCATION', id: 'l9', ref: 'SYSTEM_REJECTED' },
      fields: { primaryAddress: { id: 'a9' } },
    }),
  );
  const related: Record<string, Record<string, unknown>[]> = { 'ORDER:o1:items': [{ id: 'oi1', ref: 'SKU-1', productRef: 'SKU-1', quantity: 1 }] };
  const positions = [{ catalogueRef: 'DEFAULT:1', productRef: 'SKU-1', locationRef: 'STORE-1', onHand: 5 }];
  const read = fakeReader({ entities, related, positions, networks: { BASE: ['STORE-1'] } });
  const find = (type: string) => entities.find((e) => e.entityType === type);
  const scheduled: NewEvent[] = [];
  const queue: NewEvent[] = [];
  const run = (event: NewEvent) => {
    const target = entities.find((e) => e.entityType === event.entityType && e.id === event.entityId);
    if (target === undefined) throw new Error(`no ${event.entityType} ${event.entityId}`);
    const matching = wf.rulesets.filter(
      (rs) =>
        rs.name === event.name &&
        rs.type === target.entityType &&
        (rs.subtype === undefined || rs.subtype === target.subtype) &&
        rs.triggers.some((t) => t.status === target.status),
    );
    for (const rs of matching) {
      for (const ref of rs.rules) {
        const rule = resolve(ref.name) as Rule<unknown>;
        const full = { ...event, id: 'e', accountId: 'ACME', sourceEvents: [] };
        const effects = rule.run({ event: full, entity: target, props: rule.props.parse(ref.props), now: new Date(0), read });
        for (const effect of effects) {
          if (effect.type === 'setStatus') target.status = effect.status;
          if (effect.type === 'sendEvent') (effect.event.delayMs === undefined ? queue : scheduled).push(effect.event);
          if (effect.type === 'mutate' && effect.mutation === 'createFulfilment') {
            const input = effect.input as { ref: string; type: string; items: Record<string, unknown>[]; fromAddress?: { id: string } };
            const id = `f${entities.filter((e) => e.entityType === 'FULFILMENT').length + 1}`;
            const f = view({ entityType: 'FULFILMENT', id, ref: input.ref, subtype: input.type });
            const from = entities.find((e) => e.entityType === 'LOCATION' && (e.fields['primaryAddress'] as { id: string }).id === input.fromAddress?.id);
            related[`FULFILMENT:${id}:items`] = input.items;
            related[`FULFILMENT:${id}:fromLocation`] = from ? [{ id: from.id, ref: from.ref }] : [];
            entities.push(f);
            queue.push({ name: 'CREATE', retailerId: '1', entityType: 'FULFILMENT', entityId: id, entityRef: f.ref, attributes: {} });
          }
        }
      }
    }
  };
  const drain = (first: NewEvent) => {
    queue.push(first);
    for (let n = 0; queue.length > 0; n += 1) {
      if (n > 50) throw new Error('runaway event chain');
      run(queue.shift() as NewEvent);
    }
  };
  const eventTo = (e: EntityView, name: string): NewEvent => ({
    name,
    retailerId: '1',
    entityType: e.entityType,
    entityId: e.id,
    entityRef: e.ref,
    attributes: {},
  });

  drain(eventTo(find('ORDER') as EntityView, 'CREATE'));
  return steps.map((step) => {
    if (step.send === 'scheduled') drain(scheduled.shift() as NewEvent);
    else if (step.send !== 'none') drain(eventTo(find(step.send === 'order' ? 'ORDER' : 'FULFILMENT') as EntityView, step.name ?? ''));
    return { order: find('ORDER')?.status, fulfilment: find('FULFILMENT')?.status };
  });
}

describe.each([
  {
    title: 'ORDER::HD ships and completes',
    file: 'order-hd.json',
    fields: {
      fulfilmentChoice: {
        ref: 'FC-1',
        deliveryType: 'STANDARD',
        deliveryAddress: { street: '1 Test St', city: 'Melbourne', latitude: -37.81, longitude: 144.96 },
      },
    },
    steps: [
      { send: 'none', order: 'BOOKED', fulfilment: 'AWAITING_WAVE' },
      { send: 'fulfilment', name: 'WaveCreate', order: 'PICK_PACK', fulfilment: 'ASSIGNED' },
      { send: 'fulfilment', name: 'ConfirmPick', order: 'PICK_PACK', fulfilment: 'FULFILLED' },
      { send: 'fulfilment', name: 'ConfirmShip', order: 'COMPLETE', fulfilment: 'SHIPPED' },
      { send: 'order', name: 'CancelOrder', order: 'COMPLETE', fulfilment: 'SHIPPED' },
    ],
  },
  {
    title: 'ORDER::HD is cancelled while picking',
    file: 'order-hd.json',
    fields: {
      fulfilmentChoice: {
        ref: 'FC-1',
        deliveryType: 'STANDARD',
        deliveryAddress: { street: '1 Test St', city: 'Melbourne', latitude: -37.81, longitude: 144.96 },
      },
    },
    steps: [
      { send: 'fulfilment', name: 'WaveCreate', order: 'PICK_PACK', fulfilment: 'ASSIGNED' },
      { send: 'order', name: 'CancelOrder', order: 'CANCELLED', fulfilment: 'CANCELLED' },
    ],
  },
  {
    // workflow-contracts.md §6.1: a rejected fulfilment is sourced again (before: the order was
    // escalated). No other location has the stock, so the order stays BOOKED with a system-rejected one.
    title: 'ORDER::HD re-sources a rejected fulfilment',
    file: 'order-hd.json',
    fields: {
      fulfilmentChoice: {
        ref: 'FC-1',
        deliveryType: 'STANDARD',
        deliveryAddress: { street: '1 Test St', city: 'Melbourne', latitude: -37.81, longitude: 144.96 },
      },
    },
    steps: [{ send: 'fulfilment', name: 'RejectFulfilment', order: 'BOOKED', fulfilment: 'REJECTED' }],
  },
  {
    title: 'ORDER::CC is collected',
    file: 'order-cc.json',
    fields: { fulfilmentChoice: { ref: 'FC-1', deliveryType: 'STANDARD', pickupLocationRef: 'STORE-1' } },
    steps: [
      { send: 'none', order: 'BOOKED', fulfilment: 'AWAITING_WAVE' },
      { send: 'fulfilment', name: 'WaveCreate', order: 'PICK_PACK', fulfilment: 'ASSIGNED' },
      { send: 'fulfilment', name: 'ConfirmPick', order: 'AWAITING_COLLECTION', fulfilment: 'AWAITING_COLLECTION' },
      { send: 'fulfilment', name: 'ConfirmCollection', order: 'COMPLETE', fulfilment: 'COLLECTED' },
      { send: 'scheduled', order: 'COMPLETE', fulfilment: 'COLLECTED' },
    ],
  },
  {
    title: 'ORDER::CC expires when not collected',
    file: 'order-cc.json',
    fields: { fulfilmentChoice: { ref: 'FC-1', deliveryType: 'STANDARD', pickupLocationRef: 'STORE-1' } },
    steps: [
      { send: 'fulfilment', name: 'WaveCreate', order: 'PICK_PACK', fulfilment: 'ASSIGNED' },
      { send: 'fulfilment', name: 'ConfirmPick', order: 'AWAITING_COLLECTION', fulfilment: 'AWAITING_COLLECTION' },
      { send: 'scheduled', order: 'CANCELLED', fulfilment: 'EXPIRED' },
    ],
  },
  {
    title: 'ORDER::CC without a pickup location is escalated',
    file: 'order-cc.json',
    fields: { fulfilmentChoice: { ref: 'FC-1', deliveryType: 'STANDARD' } },
    steps: [{ send: 'none', order: 'ESCALATED', fulfilment: undefined }],
  },
] as const)('$title', ({ file, fields, steps }) => {
  it('moves order and fulfilment through the expected statuses', () => {
    expect(play(file, fields, steps)).toEqual(steps.map(({ order, fulfilment }) => ({ order, fulfilment })));
  });
});

/**
 * docs/lifecycles.md is generated from rulesets/*.json (test/docs/lifecycles.ts): it must be
 * current, every transition it documents must be accepted by the loaded workflows in the status
 * it names, and the events of Fluent's reference contracts (workflow-contracts.md) are either
 * accepted in their documented status or listed here as not implemented yet.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledWorkflow } from '../../server/orchestration/compile-workflow.js';
import { matchRulesets } from '../../server/orchestration/matcher.js';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';
import { createWorkflowStore } from '../../server/orchestration/workflow-store.js';
import { LIFECYCLES_DOC, lifecycleRows, renderLifecycles, RULESETS_DIR } from './lifecycles.js';

let workflows: Map<string, CompiledWorkflow>;
beforeAll(async () => {
  const store = createWorkflowStore({ registry: createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'error' }) });
  workflows = new Map((await store.loadDir(RULESETS_DIR)).map((wf) => [wf.name, wf]));
});

const accepts = (workflow: string, entityType: string, subtype: string | undefined, event: string, status: string): boolean => {
  const wf = workflows.get(workflow);
  return wf !== undefined && matchRulesets(wf, event, { entityType, subtype, status }).matched.length > 0;
};

describe('docs/lifecycles.md', () => {
  it('is what `npm run docs:lifecycles` writes from rulesets/', () => {
    expect(readFileSync(LIFECYCLES_DOC, 'utf8'), 'run npm run docs:lifecycles').toBe(renderLifecycles());
  });

  const rows = lifecycleRows().flatMap((row) => row.statuses.map((status) => ({ ...row, status })));
  it.each(rows.map((r) => [`${r.workflow} ${r.entityType} ${r.event} in ${r.status}`, r] as const))('%s is accepted', (_title, row) => {
    expect(accepts(row.workflow, row.entityType, row.subtype, row.event, row.status)).toBe(true);
  });
});

/**
 * The externally sent events of workflow-contracts.md (H/M confidence) with the status they are
 * sent in. `implemented: false` rows are the contract the default workflows do not serve yet; the
 * test fails when one starts to be accepted, so this list stays true.
 */
const CONTRACT: { section: string; workflow: string; entityType: string; subtype?: string; event: string; status: string; implemented: boolean }[] = [
  {
    section: '1.1',
    workflow: 'PRODUCT_CATALOGUE::MASTER',
    entityType: 'PRODUCT_CATALOGUE',
    subtype: 'MASTER',
    event: 'UPSERT_CATEGORY',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '1.2',
    workflow: 'PRODUCT_CATALOGUE::MASTER',
    entityType: 'PRODUCT_CATALOGUE',
    subtype: 'MASTER',
    event: 'UPSERT_PRODUCT',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '2.1',
    workflow: 'INVENTORY_CATALOGUE::DEFAULT',
    entityType: 'INVENTORY_CATALOGUE',
    subtype: 'DEFAULT',
    event: 'InventoryChanged',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '2.2',
    workflow: 'INVENTORY_CATALOGUE::DEFAULT',
    entityType: 'INVENTORY_CATALOGUE',
    subtype: 'DEFAULT',
    event: 'UpdateInventoryQty',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '3.1',
    workflow: 'VIRTUAL_CATALOGUE::BASE',
    entityType: 'VIRTUAL_CATALOGUE',
    subtype: 'BASE',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  {
    section: '3.1',
    workflow: 'VIRTUAL_CATALOGUE::BASE',
    entityType: 'VIRTUAL_CATALOGUE',
    subtype: 'BASE',
    event: 'VirtualCatalogueEvent',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '3.1',
    workflow: 'VIRTUAL_CATALOGUE::AGGREGATE',
    entityType: 'VIRTUAL_CATALOGUE',
    subtype: 'AGGREGATE',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  {
    section: '3.1',
    workflow: 'VIRTUAL_CATALOGUE::AGGREGATE',
    entityType: 'VIRTUAL_CATALOGUE',
    subtype: 'AGGREGATE',
    event: 'VirtualCatalogueEvent',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '4',
    workflow: 'CONTROL_GROUP::DEFAULT',
    entityType: 'CONTROL',
    subtype: 'QUANTITY_BUFFER',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  {
    section: '4',
    workflow: 'CONTROL_GROUP::DEFAULT',
    entityType: 'CONTROL',
    subtype: 'QUANTITY_BUFFER',
    event: 'ActivateControl',
    status: 'INACTIVE',
    implemented: true,
  },
  {
    section: '4',
    workflow: 'CONTROL_GROUP::DEFAULT',
    entityType: 'CONTROL',
    subtype: 'QUANTITY_BUFFER',
    event: 'DeactivateControl',
    status: 'ACTIVE',
    implemented: true,
  },
  {
    section: '4',
    workflow: 'CONTROL_GROUP::DEFAULT',
    entityType: 'CONTROL',
    subtype: 'QUANTITY_BUFFER',
    event: 'UpdateControl',
    status: 'ACTIVE',
    implemented: true,
  },
  { section: '5.1', workflow: 'ORDER::HD', entityType: 'ORDER', subtype: 'HD', event: 'CREATE', status: 'CREATED', implemented: true },
  ...['CREATED', 'RECEIVED', 'BOOKED'].map((status) => ({
    section: '5.1',
    workflow: 'ORDER::HD',
    entityType: 'ORDER',
    subtype: 'HD',
    event: 'OrderCancel',
    status,
    implemented: true,
  })),
  { section: '5.1', workflow: 'ORDER::HD', entityType: 'ORDER', subtype: 'HD', event: 'OrderAddressChange', status: 'BOOKED', implemented: true },
  ...['BOOKED', 'PICK_PACK', 'COMPLETE'].map((status) => ({
    section: '5.1',
    workflow: 'ORDER::HD',
    entityType: 'ORDER',
    subtype: 'HD',
    event: 'OrderAppeasement',
    status,
    implemented: true,
  })),
  ...['CREATED', 'BOOKED', 'PICK_PACK'].map((status) => ({
    section: '5.1',
    workflow: 'ORDER::HD',
    entityType: 'ORDER',
    subtype: 'HD',
    event: 'OrderRevision',
    status,
    implemented: true,
  })),
  // PENDING_PAYMENT is a trigger in Fluent's templates but no default workflow has that status.
  { section: '5.1', workflow: 'ORDER::HD', entityType: 'ORDER', subtype: 'HD', event: 'OrderRevision', status: 'PENDING_PAYMENT', implemented: false },
  { section: '5.1', workflow: 'ORDER::CC', entityType: 'ORDER', subtype: 'CC', event: 'OrderAppeasement', status: 'BOOKED', implemented: true },
  { section: '5.1', workflow: 'ORDER::CC', entityType: 'ORDER', subtype: 'CC', event: 'OrderRevision', status: 'BOOKED', implemented: true },
  { section: '9.1', workflow: 'ORDER::HD', entityType: 'ORDER', subtype: 'HD', event: 'CreateReturnOrder', status: 'COMPLETE', implemented: true },
  { section: '9.1', workflow: 'RETURN_ORDER::DEFAULT', entityType: 'RETURN_ORDER', subtype: 'DEFAULT', event: 'CREATE', status: 'CREATED', implemented: true },
  // §0: the platform raises CREATE for a RETURN_FULFILMENT (created by base.CreateReturnFulfilment).
  {
    section: '9.1',
    workflow: 'RETURN_ORDER::DEFAULT',
    entityType: 'RETURN_FULFILMENT',
    subtype: 'DEFAULT',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  {
    section: '9.2',
    workflow: 'BILLING_ACCOUNT::CUSTOMER',
    entityType: 'BILLING_ACCOUNT',
    subtype: 'CUSTOMER',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  {
    section: '9.2',
    workflow: 'BILLING_ACCOUNT::CUSTOMER',
    entityType: 'CREDIT_MEMO',
    subtype: 'CREDIT_MEMO',
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  },
  { section: '5.1', workflow: 'ORDER::CC', entityType: 'ORDER', subtype: 'CC', event: 'CREATE', status: 'CREATED', implemented: true },
  ...['CREATED', 'RECEIVED', 'BOOKED'].map((status) => ({
    section: '5.1',
    workflow: 'ORDER::CC',
    entityType: 'ORDER',
    subtype: 'CC',
    event: 'OrderCancel',
    status,
    implemented: true,
  })),
  { section: '5.4', workflow: 'ORDER::MULTI', entityType: 'ORDER', subtype: 'MULTI', event: 'CREATE', status: 'CREATED', implemented: true },
  ...['CREATED', 'BOOKED'].map((status) => ({
    section: '5.1',
    workflow: 'ORDER::MULTI',
    entityType: 'ORDER',
    subtype: 'MULTI',
    event: 'OrderCancel',
    status,
    implemented: true,
  })),
  ...['HD', 'CC'].map((subtype) => ({
    section: '5.4',
    workflow: 'ORDER::MULTI',
    entityType: 'FULFILMENT_CHOICE',
    subtype,
    event: 'CREATE',
    status: 'CREATED',
    implemented: true,
  })),
  { section: '6.1', workflow: 'ORDER::HD', entityType: 'FULFILMENT', subtype: 'HD_PFDC', event: 'WaveCreate', status: 'AWAITING_WAVE', implemented: true },
  {
    section: '6.1',
    workflow: 'ORDER::HD',
    entityType: 'FULFILMENT',
    subtype: 'HD_PFDC',
    event: 'FulfilmentExpiry',
    status: 'AWAITING_WAVE',
    implemented: true,
  },
  ...['BOOKED', 'PICK_PACK'].flatMap((status) =>
    (['HD', 'CC'] as const).map((subtype) => ({
      section: '5.2',
      workflow: `ORDER::${subtype}`,
      entityType: 'ORDER',
      subtype,
      event: 'FindAndCreateOrderFulfilment',
      status,
      implemented: true,
    })),
  ),
  { section: '7', workflow: 'LOCATION::STORE', entityType: 'LOCATION', subtype: 'STORE', event: 'CreateWaveByExpiry', status: 'ACTIVE', implemented: true },
  {
    section: '7',
    workflow: 'LOCATION::STORE',
    entityType: 'LOCATION',
    subtype: 'STORE',
    event: 'CreateWaveByUserSelection',
    status: 'ACTIVE',
    implemented: true,
  },
  // §8: the HD article and consignment chain; the store's article events.
  ...['PENDING_CONSIGNMENT', 'AWAITING_COURIER_COLLECTION'].map((status) => ({
    section: '8',
    workflow: 'ORDER::HD',
    entityType: 'ARTICLE',
    event: 'ArticleCancellation',
    status,
    implemented: true,
  })),
  { section: '8', workflow: 'ORDER::HD', entityType: 'ARTICLE', event: 'ConsignmentFinalised', status: 'PENDING_CONSIGNMENT', implemented: true },
  { section: '8', workflow: 'ORDER::HD', entityType: 'ARTICLE', event: 'ARTICLE_COLLECTED', status: 'AWAITING_COURIER_COLLECTION', implemented: true },
  { section: '8', workflow: 'ORDER::HD', entityType: 'CONSIGNMENT', event: 'ConsignmentBooked', status: 'PROCESSING', implemented: true },
  // §8: CC picked at another store, shipped to the pickup store and scanned in there.
  { section: '8', workflow: 'ORDER::CC', entityType: 'ARTICLE', event: 'ARTICLE_ARRIVED', status: 'AWAITING_ARRIVAL', implemented: true },
  { section: '8', workflow: 'ORDER::CC', entityType: 'ARTICLE', event: 'ARTICLE_COLLECTED', status: 'AWAITING_COLLECTION', implemented: true },
  // §8: the consignment status ACTIVE_SENT (picked up by the courier); the event name ConsignmentPickedUp is [inferred].
  ...['HD', 'CC'].map((subtype) => ({
    section: '8',
    workflow: `ORDER::${subtype}`,
    entityType: 'CONSIGNMENT',
    event: 'ConsignmentPickedUp',
    status: 'ACTIVE_LODGED',
    implemented: true,
  })),
];

describe('reference contract events (workflow-contracts.md)', () => {
  it.each(
    CONTRACT.map(
      (c) => [`§${c.section} ${c.workflow} ${c.entityType} ${c.event} in ${c.status}: ${c.implemented ? 'accepted' : 'not implemented yet'}`, c] as const,
    ),
  )('%s', (_title, c) => {
    expect(accepts(c.workflow, c.entityType, c.subtype, c.event, c.status)).toBe(c.implemented);
    const documented = lifecycleRows().some(
      (r) => r.workflow === c.workflow && r.event === c.event && r.entityType === c.entityType && r.statuses.includes(c.status),
    );
    expect(documented, 'documented in docs/lifecycles.md').toBe(c.implemented);
  });
});

import { describe, expect, it } from 'vitest';
import { createRuleRegistry } from '../../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../../server/orchestration/rules/index.js';
import { pathSegments, resolveProperty, sameValue, unsupportedJsonPath } from '../../../server/orchestration/rules/support/json-path.js';
import { createWorkflowStore } from '../../../server/orchestration/workflow-store.js';
import { orderWorkflow } from '../engine-harness.js';
import { entity, eventOn } from './fake-reader.js';

const order = entity({
  entityType: 'ORDER',
  id: 'o1',
  ref: 'HD-1',
  subtype: 'HD',
  status: 'BOOKED',
  fields: {
    totalPrice: 120.5,
    fulfilmentChoice: { ref: 'FC-1', deliveryType: 'EXPRESS', pickupLocationRef: null },
    items: [
      { ref: 'I-1', quantity: 2 },
      { ref: 'I-2', quantity: 1 },
    ],
    attributes: [{ name: 'channel', type: 'STRING', value: 'web' }],
    customer: { attributes: [{ name: 'lifetimeValue', type: 'INTEGER', value: 3000 }] },
  },
});
const event = eventOn(order, 'CREATE', { fraudCheckRequired: true, nested: { list: ['a', 'b'] } });

describe('jsonpath resolution', () => {
  it.each([
    { path: 'fulfilmentChoice.deliveryType', expected: 'EXPRESS' },
    { path: '$.fulfilmentChoice.ref', expected: 'FC-1' },
    { path: 'totalPrice', expected: 120.5 },
    { path: 'status', expected: 'BOOKED' },
    { path: 'type', expected: 'HD' },
    { path: 'items[1].ref', expected: 'I-2' },
    { path: 'items.0.quantity', expected: 2 },
    { path: 'attributes.byName.channel', expected: 'web' },
    { path: 'customer.attributes.byName.lifetimeValue', expected: 3000 },
    { path: 'attributes.byName.absent', expected: undefined },
    { path: 'attributes.byName', expected: undefined },
    { path: 'event.attributes.fraudCheckRequired', expected: true },
    { path: 'event.attributes.nested.list[1]', expected: 'b' },
    { path: 'event.name', expected: 'CREATE' },
    { path: 'fulfilmentChoice.pickupLocationRef', expected: undefined },
    { path: 'fulfilmentChoice.missing.deeper', expected: undefined },
    { path: 'items[7].ref', expected: undefined },
    { path: 'items.first', expected: undefined },
    { path: 'event.attributes.absent', expected: undefined },
  ])('resolves $path to $expected', ({ path, expected }) => {
    expect(resolveProperty(path, { event, entity: order })).toEqual(expected);
  });

  it('splits bracket indexes into segments', () => {
    expect(pathSegments('$.a.b[0].c')).toEqual(['a', 'b', '0', 'c']);
  });

  it.each([
    { actual: 100, expected: '100', same: true },
    { actual: 'EXPRESS', expected: 'EXPRESS', same: true },
    { actual: true, expected: 'true', same: true },
    { actual: 'express', expected: 'EXPRESS', same: false },
    { actual: undefined, expected: 'x', same: false },
    { actual: { a: 1 }, expected: 'x', same: false },
  ])('compares $actual with $expected as $same', ({ actual, expected, same }) => {
    expect(sameValue(actual, expected)).toBe(same);
  });
});

describe('jsonpath syntax the resolver does not follow', () => {
  it.each([
    ['items[*].ref', /wildcard/],
    ['$..ref', /recursive descent/],
    ['items[?(@.status == "X")].ref', /filter/],
    ["$['fulfilmentChoice'].ref", /bracketed name/],
    ['items[0:2]', /bracketed name, union or slice/],
    ['a..b', /recursive descent/],
    ['a.', /empty or malformed/],
  ])('refuses %s', (path, why) => {
    expect(unsupportedJsonPath(path)).toMatch(why);
  });

  it.each([
    'fulfilmentChoice.deliveryType',
    '$.items[1].ref',
    'items.0.quantity',
    'event.attributes.fraudCheckRequired',
    'customer.attributes.byName.lifetimeValue',
  ])('accepts %s', (path) => {
    expect(unsupportedJsonPath(path)).toBeUndefined();
  });

  it('fails the workflow at load, naming the prop by its JSON pointer', () => {
    const workflows = createWorkflowStore({ registry: createRuleRegistry(BUILTIN_RULES) });
    const body = orderWorkflow([{ name: 'CREATE', rules: [['core.IfPropertyEquals', { jsonpath: 'items[*].ref', value: 'X', eventName: 'Next' }]] }]);
    expect(() => workflows.put(body)).toThrow(/request body#\/rulesets\/0\/rules\/0\/props\/jsonpath: "items\[\*\]\.ref" uses a wildcard/);
  });
});

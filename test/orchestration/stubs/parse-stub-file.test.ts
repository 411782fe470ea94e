import { describe, expect, it } from 'vitest';
import { createRuleRegistry } from '../../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../../server/orchestration/rules/index.js';
import { installStubs } from '../../../server/orchestration/stubs/install-stubs.js';
import { parseStubFile } from '../../../server/orchestration/stubs/parse-stub-file.js';
import { errorOf } from '../../support/error-of.js';

const file = (...rules: unknown[]) => ({ rules });
const rule = (entry: Record<string, unknown>) => ({ name: 'ACME.acme.CheckStatus', props: ['eventName'], do: [], ...entry });
const BLOCKS = 'allowed blocks: sendEvent, branch, setStatus, setAttributes, mutate, webhook, noop';
const CONDITIONS = 'allowed conditions: always, statusIn, attribute, path, allFulfilments, anyFulfilment, allItems, anyItem, all, any, not';

describe('parseStubFile', () => {
  it.each([
    ['an unknown block', file(rule({ do: [{ sendEvnt: { name: 'X' } }] })), `stubs.json#/rules/0/do/0: unknown block "sendEvnt"; ${BLOCKS}`],
    [
      'a block with two keys',
      file(rule({ do: [{ noop: 'a', setStatus: { status: 'B' } }] })),
      `stubs.json#/rules/0/do/0: expected a building block, an object with one key; ${BLOCKS}`,
    ],
    [
      'an unknown block nested in a branch',
      file(rule({ do: [{ branch: { if: { always: true }, else: [{ forward: {} }] } }] })),
      `stubs.json#/rules/0/do/0/branch/else/0: unknown block "forward"; ${BLOCKS}`,
    ],
    [
      'a missing prop reference',
      file(rule({ do: [{ sendEvent: { name: '{{props.noMatchEventName}}' } }] })),
      'stubs.json#/rules/0/do/0/sendEvent/name: template "{{props.noMatchEventName}}" refers to prop "noMatchEventName", which the stub does not declare (declared props: eventName); add it to "props"',
    ],
    [
      'a template with an unknown root',
      file(rule({ do: [{ setStatus: { status: '{{order.status}}' } }] })),
      'stubs.json#/rules/0/do/0/setStatus/status: template "{{order.status}}" must start with props.<name>, event.<path> or entity.<path>',
    ],
    [
      'a bad JSON path',
      file(rule({ do: [{ branch: { if: { path: 'items[*].status', equals: 'X' } } }] })),
      'stubs.json#/rules/0/do/0/branch/if/path: "items[*].status" is not a JSON path the simulator reads: use dotted field names and [n] indexes, e.g. "fulfilmentChoice.deliveryType", "items[0].ref", "attributes.byName.giftWrap" or "event.attributes.reason"',
    ],
    [
      'an unknown condition',
      file(rule({ do: [{ branch: { if: { statusEquals: 'X' } } }] })),
      `stubs.json#/rules/0/do/0/branch/if: unknown condition {"statusEquals"}; ${CONDITIONS}`,
    ],
    [
      'a comparison without its test',
      file(rule({ do: [{ branch: { if: { attribute: 'x' } } }] })),
      'stubs.json#/rules/0/do/0/branch/if: give exactly one of "equals", "in" or "exists" (got none)',
    ],
    [
      'a bad send target',
      file(rule({ do: [{ sendEvent: { name: 'X', to: 'items' } }] })),
      'stubs.json#/rules/0/do/0/sendEvent/to: Invalid option: expected one of "entity"|"order"|"fulfilments"|"root"',
    ],
    [
      'a bad delay',
      file(rule({ do: [{ sendEvent: { name: 'X', delay: 'soon' } }] })),
      'stubs.json#/rules/0/do/0/sendEvent/delay: expected seconds ("600") or an ISO-8601 duration ("PT10M"), got "soon"',
    ],
    ['the same rule twice', file(rule({}), rule({})), 'stubs.json#/rules/1/name: "ACME.acme.CheckStatus" is already stubbed at #/rules/0'],
  ])('refuses %s with a message naming the file and JSON pointer', (_title, json, message) => {
    const error = errorOf(() => parseStubFile(json, 'stubs.json'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message });
  });

  it('reports every problem at once', () => {
    const error = errorOf(() => parseStubFile(file(rule({ do: [{ a: 1 }, { b: 2 }] })), 'stubs.json'));
    expect((error as Error).message.split('\n')).toHaveLength(2);
  });

  it('refuses text that is not JSON, and JSON that is not a stub file', () => {
    expect(errorOf(() => parseStubFile('{', 'stubs.json'))).toMatchObject({ message: expect.stringMatching(/^stubs\.json: not valid JSON/) });
    expect(errorOf(() => parseStubFile([], 'stubs.json'))).toMatchObject({
      message: 'stubs.json#: expected a rule-stub file {"rules": [{"name", "props", "do": [building blocks]}]}',
    });
  });
});

describe('installStubs', () => {
  const registry = () => createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'error' });

  it('refuses a stub for a rule the simulator implements unless it is marked override', () => {
    const stub = parseStubFile(file({ name: 'ACME.commonv2.ChangeStateGQL', do: [{ noop: 'x' }] }), 'stubs.json');
    expect(errorOf(() => installStubs(registry(), stub))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message:
        'stubs.json#/rules/0: "ACME.commonv2.ChangeStateGQL" is core.SetState, a rule the simulator implements; a stub would replace it. Remove the stub, or add "override": true to replace it on purpose.',
    });
    const overriding = parseStubFile(file({ name: 'ACME.commonv2.ChangeStateGQL', override: true, do: [{ noop: 'x' }] }), 'stubs.json');
    const target = registry();
    expect(installStubs(target, overriding)).toEqual(['commonv2.ChangeStateGQL']);
    expect(target.resolve('ACME.commonv2.ChangeStateGQL')).toMatchObject({ type: 'found', rule: { description: expect.stringContaining('Rule stub') } });
    expect(target.resolve('ACME.core.SetState')).toMatchObject({ type: 'found', rule: { name: 'core.SetState' } });
  });

  it('registers stubs without their account prefix and replaces an earlier stub freely', () => {
    const target = registry();
    installStubs(target, parseStubFile(file({ name: 'ACME.acme.Check', do: [] }), 'a.json'));
    installStubs(target, parseStubFile(file({ name: 'acme.Check', do: [{ noop: 'v2' }] }), 'b.json'));
    expect(target.resolve('OTHER.acme.Check')).toMatchObject({ type: 'found', key: 'acme.Check', rule: { description: 'Rule stub (b.json#/rules/0)' } });
  });
});

/**
 * Puts rule stubs into a rule registry, where they sit beside the library rules and JS rule
 * modules. A stub whose name resolves to a rule the simulator already implements (library or JS
 * module) is refused unless it says `"override": true`; a stub replaces an earlier stub, or the
 * stand-in of an installed plugin rule, of the same name freely.
 */
import { SimError } from '../../domain/errors.js';
import type { RuleRegistry } from '../rule-registry.js';
import { isPluginRule } from '../../plugins/plugin-rules.js';
import { isStubRule, stubRule } from './stub-rule.js';
import type { StubFile } from './stub-types.js';

/** @throws SimError VALIDATION_FAILED naming the stub and the rule it would replace */
export function installStubs(registry: RuleRegistry, file: StubFile): string[] {
  const rules = file.rules.map((stub) => {
    const rule = stubRule(stub);
    const existing = registry.resolve(rule.name);
    // Stand-ins for installed plugin rules exist to be stubbed: no override needed for them.
    if (existing.type === 'found' && !isStubRule(existing.rule) && !isPluginRule(existing.rule) && !stub.override) {
      throw new SimError(
        'VALIDATION_FAILED',
        `${stub.location}: "${stub.name}" is ${existing.rule.name}, a rule the simulator implements; ` +
          'a stub would replace it. Remove the stub, or add "override": true to replace it on purpose.',
      );
    }
    return rule;
  });
  registry.add(rules);
  return rules.map((rule) => rule.name);
}

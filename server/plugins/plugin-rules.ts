/**
 * Makes the rules of an installed plugin known to the account's rule registry, so a workflow that
 * names them loads under `--unknown-rules error` as it does on the platform. The simulator cannot
 * run their Java: each runs as a no-op whose audit says which plugin provides it and that it was
 * not executed — unless a rule stub or a JavaScript rule of the same name gives it behaviour
 * (docs/your-own-rules.md), which is then kept.
 */
import { z } from 'zod';
import { defineRule, type AnyRule } from '../orchestration/port.js';
import type { RuleRegistry } from '../orchestration/rule-registry.js';
import type { StoredPlugin } from './plugin-store.js';

const pluginRules = new WeakSet<AnyRule>();

/** True for the stand-ins of installed plugin rules (a stub may replace them without `override`). */
export const isPluginRule = (rule: AnyRule): boolean => pluginRules.has(rule);

const ANY_PROPS = z.record(z.string(), z.unknown()).nullish();

/** `ACME.custom` + `Rule` → `custom.Rule`: the registry key a workflow's `<ACCOUNT>.custom.Rule` resolves to. */
export function pluginRuleKey(symbolicName: string, ruleName: string): string {
  const dot = symbolicName.indexOf('.');
  return `${dot < 0 ? symbolicName : symbolicName.slice(dot + 1)}.${ruleName}`;
}

/** Adds the plugin's rules the registry cannot already run; returns the keys added. */
export function installPluginRules(registry: RuleRegistry, plugin: StoredPlugin): string[] {
  const added: AnyRule[] = [];
  for (const rule of plugin.rules) {
    const key = pluginRuleKey(plugin.symbolicName, rule.name);
    const existing = registry.resolve(key);
    if (existing.type === 'found' && !isPluginRule(existing.rule)) continue;
    const message = `"${key}" is provided by plugin ${plugin.bundleName} and was not executed: the simulator does not run Java (give it a rule stub to act)`;
    const standIn = defineRule<unknown>({
      name: key,
      description: `Provided by plugin ${plugin.bundleName}${rule.description ? `: ${rule.description}` : ''}. Not executed (no stub).`,
      props: ANY_PROPS,
      run: () => [
        {
          type: 'audit',
          category: 'rule',
          name: `${key} not executed`,
          attributes: [
            { name: 'plugin', type: 'STRING', value: plugin.bundleName },
            { name: 'simulated', type: 'BOOLEAN', value: false },
            { name: 'message', type: 'STRING', value: message },
          ],
        },
      ],
    });
    pluginRules.add(standIn);
    added.push(standIn);
  }
  registry.add(added);
  return added.map((r) => r.name);
}

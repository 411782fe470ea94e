/**
 * Turns a parsed rule stub into a `Rule` the registry and engine treat like any other: props
 * checked when a workflow is loaded (a required prop missing fails the load, as a library rule's
 * would), blocks run per event. Every run starts with an audit (category `stub`) saying the rule
 * ran as a stub, from which file entry, and which branches it took, so a test never mistakes a
 * stub for the real rule.
 */
import { z } from 'zod';
import { entityDocument } from '../rules/support/json-path.js';
import { defineRule, type Effect, type Rule, type AnyRule } from '../port.js';
import { runBlocks, type BranchTaken } from './run-blocks.js';
import type { RuleStub } from './stub-types.js';

const stubRules = new WeakSet<AnyRule>();

/** True for rules made from a stub file (not library rules, not JS modules). */
export const isStubRule = (rule: AnyRule): boolean => stubRules.has(rule);

/** The registry key of a stub: its name without an account prefix (`ACME.acme.X` → `acme.X`). */
export function stubKey(name: string): string {
  const parts = name
    .replace(/\{\{[^}]*\}\}\.?/g, '')
    .split('.')
    .filter((part) => part.length > 0);
  return parts.length >= 3 ? parts.slice(1).join('.') : parts.join('.');
}

function propsSchema(stub: RuleStub): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = Object.fromEntries(
    Object.entries(stub.props).map(([name, spec]) => {
      if (spec.default !== undefined)
        return [
          name,
          z
            .unknown()
            .optional()
            .transform((value) => value ?? spec.default),
        ];
      if (!spec.required) return [name, z.unknown().optional()];
      return [name, z.custom<unknown>((value) => value !== undefined && value !== null, { error: `required by the stub ${stub.name} (${stub.location})` })];
    }),
  );
  return z.looseObject(shape);
}

function stubAudit(stub: RuleStub, branches: BranchTaken[]): Effect {
  return {
    type: 'audit',
    category: 'stub',
    name: `${stub.name} ran as a stub`,
    attributes: [
      { name: 'stub', type: 'STRING', value: stub.location },
      { name: 'branches', type: 'JSON', value: branches },
    ],
  };
}

export function stubRule(stub: RuleStub): Rule<Record<string, unknown>> {
  const rule = defineRule<Record<string, unknown>>({
    name: stubKey(stub.name),
    description: `Rule stub (${stub.location})${stub.description ? `: ${stub.description}` : ''}`,
    props: propsSchema(stub),
    run: (input) => {
      const branches: BranchTaken[] = [];
      const scope = { props: input.props, event: input.event, entity: entityDocument(input.entity) };
      const run = { input, event: input.event, entity: input.entity, read: input.read, scope, stub: stub.name };
      const effects = runBlocks(stub.do, run, branches);
      return [stubAudit(stub, branches), ...effects];
    },
  });
  stubRules.add(rule);
  return rule;
}

/** Builds a stub rule from a one-entry stub file, and runs it through the rule-test fake reader. */
import { parseStubFile } from '../../../server/orchestration/stubs/parse-stub-file.js';
import { stubRule } from '../../../server/orchestration/stubs/stub-rule.js';
import type { Effect, EntityView, OrchestrationEvent } from '../../../server/orchestration/port.js';
import { ruleInput, type FakeData } from '../rules/fake-reader.js';

export function stubOf(entry: Record<string, unknown>) {
  const file = parseStubFile({ rules: [{ name: 'ACME.acme.Stubbed', ...entry }] }, 'stubs.json');
  return stubRule(file.rules[0]!);
}

/** The effects of a stub after its leading `stub` audit, and the branches that audit names. */
export function runStub(
  entry: Record<string, unknown>,
  target: EntityView,
  props: Record<string, unknown> = {},
  options: { event?: OrchestrationEvent; data?: FakeData } = {},
): { effects: Effect[]; branches: unknown } {
  const rule = stubOf(entry);
  const [audit, ...effects] = rule.run(ruleInput(target, rule.props.parse(props), options));
  if (audit?.type !== 'audit' || audit.category !== 'stub') throw new Error('a stub run starts with its stub audit');
  return { effects, branches: audit.attributes.find((a) => a.name === 'branches')?.value };
}

/**
 * The commands that work on files without starting a simulator: `fluent-sim workflow check` and
 * `fluent-sim rules scaffold`. They build the same rule registry a simulator would (library
 * rules, `--rules DIR` modules, `--rule-stubs FILE`), read the workflows (`--vars` substituted),
 * and write to the given output functions; the exit code is the caller's to use.
 */
import { writeFile } from 'node:fs/promises';
import { createRuleRegistry, loadUserRules, type RuleRegistry } from '../orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../orchestration/rules/index.js';
import { installStubs } from '../orchestration/stubs/install-stubs.js';
import { readStubFile } from '../orchestration/stubs/read-stub-file.js';
import { checkWorkflow, type WorkflowReport } from './check-workflow.js';
import { formatReports } from './format-check.js';
import { scaffoldStubs } from './scaffold-stubs.js';
import { readVars, readWorkflowFiles } from './workflow-files.js';

export type OfflineOptions = { path: string; vars?: string; rules?: string; ruleStubs?: string };
export type CheckOptions = OfflineOptions & { json?: boolean; strict?: boolean };
export type ScaffoldOptions = OfflineOptions & { out?: string };
export type Output = { out(text: string): void; err(text: string): void };

async function registryFor(options: OfflineOptions): Promise<RuleRegistry> {
  const userRules = options.rules ? await loadUserRules(options.rules) : [];
  const registry = createRuleRegistry([...BUILTIN_RULES, ...userRules], { unknownRulePolicy: 'skip' });
  if (options.ruleStubs) installStubs(registry, await readStubFile(options.ruleStubs));
  return registry;
}

/** Exit code: 1 under `--strict` when a rule is unknown or a file is not a workflow, else 0. */
export async function runWorkflowCheck(options: CheckOptions, output: Output): Promise<number> {
  const registry = await registryFor(options);
  const files = await readWorkflowFiles(options.path, await readVars(options.vars));
  const reports: WorkflowReport[] = files.map((file) => checkWorkflow(file, registry));
  output.out(options.json ? JSON.stringify({ workflows: reports }, null, 2) : formatReports(reports));
  const failing = reports.some((report) => report.error !== undefined || report.rules.some((rule) => rule.kind === 'unknown'));
  return options.strict && failing ? 1 : 0;
}

export async function runRulesScaffold(options: ScaffoldOptions, output: Output): Promise<number> {
  const registry = await registryFor(options);
  const files = await readWorkflowFiles(options.path, await readVars(options.vars));
  const scaffold = scaffoldStubs(files, registry);
  const text = `${JSON.stringify(scaffold, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, text);
    output.err(`wrote ${scaffold.rules.length} rule stub(s) to ${options.out}; edit the guesses, then run with --rule-stubs ${options.out}`);
  } else {
    output.out(text);
  }
  return 0;
}

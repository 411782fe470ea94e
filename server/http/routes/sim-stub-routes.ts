/**
 * Rule stubs at run time, per account (simulator-only, docs/your-own-rules.md):
 * - `POST /_sim/rule-stubs` with a stub file as the body: validates it, checks that every stored
 *   workflow of the account still compiles with it, installs it into the account's registry and
 *   recompiles the account's workflows (a stub replaces an earlier one of the same name);
 * - `GET /_sim/rule-stubs`: the stubs the account's registry holds.
 * A bad file or a stub that breaks a stored workflow answers 400 and changes nothing.
 */
import { Router, type Request } from 'express';
import { SimError } from '../../domain/errors.js';
import { errorMessage } from '../../lib/guards.js';
import type { Orchestration } from '../../orchestration/account-orchestration.js';
import { compileWorkflow } from '../../orchestration/compile-workflow.js';
import { createRuleRegistry, type RuleRegistry } from '../../orchestration/rule-registry.js';
import { installStubs } from '../../orchestration/stubs/install-stubs.js';
import { parseStubFile } from '../../orchestration/stubs/parse-stub-file.js';
import { isStubRule } from '../../orchestration/stubs/stub-rule.js';
import type { StubFile } from '../../orchestration/stubs/stub-types.js';
import { parseWorkflow } from '../../orchestration/workflow.js';

/** Installs into a copy first and compiles every stored workflow with it. */
function assertWorkflowsStillCompile(orchestration: Orchestration, file: StubFile): void {
  const trial: RuleRegistry = createRuleRegistry([], { unknownRulePolicy: orchestration.registry.unknownRulePolicy });
  trial.add(orchestration.registry.rules());
  installStubs(trial, file);
  for (const saved of orchestration.workflows.toJSON().workflows) {
    try {
      compileWorkflow(parseWorkflow(saved.json, saved.source), trial, saved.source);
    } catch (error) {
      throw new SimError('VALIDATION_FAILED', `With these stubs the stored workflow ${saved.json.name} would not load: ${errorMessage(error)}`);
    }
  }
}

export function createSimStubRouter(getOrchestration: (req: Request) => Orchestration): Router {
  const router = Router();

  router.post('/_sim/rule-stubs', (req, res) => {
    const orchestration = getOrchestration(req);
    const file = parseStubFile(req.body, 'request body');
    assertWorkflowsStillCompile(orchestration, file);
    const installed = installStubs(orchestration.registry, file);
    const { workflows } = orchestration;
    workflows.restore(workflows.toJSON());
    res.status(200).json({ installed, workflowsRecompiled: workflows.toJSON().workflows.length });
  });

  router.get('/_sim/rule-stubs', (req, res) => {
    const stubs = getOrchestration(req)
      .registry.rules()
      .filter(isStubRule)
      .map((rule) => ({ name: rule.name, description: rule.description }));
    res.status(200).json({ stubs });
  });

  return router;
}

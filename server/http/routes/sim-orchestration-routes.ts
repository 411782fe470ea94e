/**
 * Simulator-only orchestration endpoints (design.md §1, style.md §1 #9), never platform mimics:
 * - `GET /_sim/events/{id}/explain`: the execution trace of one event (why rulesets matched or
 *   not, rules run, effects, status changes, events raised);
 * - `GET /_sim/rules`: the rule catalogue (name, aliases, description, props as JSON Schema).
 */
import { Router, type Request } from 'express';
import { SimError } from '../../domain/errors.js';
import type { Engine } from '../../orchestration/engine-api.js';
import type { RuleRegistry } from '../../orchestration/rule-registry.js';

export type SimOrchestrationRuntime = { engine: Engine; registry: RuleRegistry };

export function createSimOrchestrationRouter(getRuntime: (req: Request) => SimOrchestrationRuntime): Router {
  const router = Router();

  router.get('/_sim/events/:id/explain', (req, res) => {
    const trace = getRuntime(req).engine.explain(req.params.id);
    if (!trace) {
      throw new SimError('NOT_FOUND', `No execution trace for event ${req.params.id} (unknown id, or older than the traces kept)`);
    }
    res.status(200).json(trace);
  });

  router.get('/_sim/rules', (req, res) => {
    const { registry } = getRuntime(req);
    res.status(200).json({ unknownRulePolicy: registry.unknownRulePolicy, rules: registry.catalogue() });
  });

  return router;
}

/**
 * Workflow API (fluent-platform.md §5.2): `PUT /api/v4.1/workflow` stores a new version after
 * validating it (shape, rules per the unknown-rule policy, props); `GET
 * /api/v4.1/workflow/{retailerId}/{TYPE}::{SUBTYPE}[/{version}]` returns the latest or a given
 * version (§8 #16).
 *
 * Loading tells the truth (issue 10): under `--unknown-rules skip` an answer whose workflow has
 * rules the simulator does not run carries a simulator-only `unknownRules` summary, also logged;
 * under `error` the 400 lists every unknown rule with its JSON pointers and close known names.
 */
import express, { Router, type Request } from 'express';
import { isSimError, SimError } from '../../domain/errors.js';
import type { WorkflowStore } from '../../orchestration/workflow-store.js';

export type WorkflowRuntime = { workflows: WorkflowStore };

/** Where load warnings go (the process logger). */
export type WorkflowRouteLogger = { warn(data: object, message: string): void };

export function createWorkflowRouter(getRuntime: (req: Request) => WorkflowRuntime, options: { logger?: WorkflowRouteLogger } = {}): Router {
  const router = Router();
  router.use('/api/v4.1/workflow', express.json({ limit: '20mb' }));

  router.put('/api/v4.1/workflow', (req, res) => {
    const { workflows } = getRuntime(req);
    try {
      const result = workflows.put(req.body, { source: 'request body' });
      if (result.unknownRules) {
        const { message, count, names } = result.unknownRules;
        options.logger?.warn({ workflow: result.entityId, rules: count, names: names.map((entry) => entry.name) }, message);
      }
      res.status(200).json(result);
    } catch (error) {
      if (isSimError(error)) {
        if (error.code === 'RULE_NOT_FOUND') options.logger?.warn({ unknownRules: error.details?.['unknownRules'] }, error.message);
        throw error;
      }
      // The platform's answer for a failure while storing (§7).
      throw new SimError('INTERNAL', 'Error occurred whilst saving Workflow', { cause: error });
    }
  });

  router.get('/api/v4.1/workflow/:retailerId/:name', (req, res) => {
    const workflow = getRuntime(req).workflows.latest(req.params.retailerId, req.params.name);
    if (!workflow) throw new SimError('WORKFLOW_NOT_FOUND', 'Unable to find Workflow');
    res.status(200).json(workflow.workflow);
  });

  router.get('/api/v4.1/workflow/:retailerId/:name/:version', (req, res) => {
    const workflow = getRuntime(req).workflows.get(req.params.retailerId, req.params.name, req.params.version);
    if (!workflow) throw new SimError('WORKFLOW_NOT_FOUND', 'Unable to find Workflow');
    res.status(200).json(workflow.workflow);
  });

  return router;
}

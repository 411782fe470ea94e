/**
 * Workflow API (fluent-platform.md §5.2): `PUT /api/v4.1/workflow` stores a new version after
 * validating it (shape, rules per the unknown-rule policy, props); `GET
 * /api/v4.1/workflow/{retailerId}/{TYPE}::{SUBTYPE}[/{version}]` returns the latest or a given
 * version (§8 #16).
 */
import express, { Router, type Request } from 'express';
import { isSimError, SimError } from '../../domain/errors.js';
import type { WorkflowStore } from '../../orchestration/workflow-store.js';

export type WorkflowRuntime = { workflows: WorkflowStore };

export function createWorkflowRouter(getRuntime: (req: Request) => WorkflowRuntime): Router {
  const router = Router();
  router.use('/api/v4.1/workflow', express.json({ limit: '20mb' }));

  router.put('/api/v4.1/workflow', (req, res) => {
    const { workflows } = getRuntime(req);
    try {
      res.status(200).json(workflows.put(req.body, { source: 'request body' }));
    } catch (error) {
      if (isSimError(error)) throw error;
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

/**
 * What the Workflow API adds on top of `workflow-routes.ts` (issue 14): retailer-scoped access
 * on GET and PUT (403 for a retailer the user has no role for; `server/legacy/retailer-access.ts`)
 * and the listing `GET /api/v4.1/workflow/{retailerId}` [inferred]. Mounted before the workflow
 * router: the checks call `next()` and the workflow router answers.
 *
 * A workflow whose `retailerId` is a deploy placeholder (`{{retailer_id}}`) names no retailer and
 * is not checked; it applies to every retailer (workflow-store.ts).
 */
import { Router, type Request, type RequestHandler } from 'express';
import type { Account } from '../../account.js';
import type { AuthUser } from '../../graphql/context.js';
import { assertRetailerAccess } from '../../legacy/retailer-access.js';
import { propertyOf } from '../../lib/guards.js';
import { listWorkflows } from '../../legacy/list-workflows.js';
import { ANY_RETAILER, retailerKeyOf, type WorkflowStore } from '../../orchestration/workflow-store.js';

export type LegacyWorkflowRuntime = { account: Account; user: AuthUser; workflows: WorkflowStore };

export function createLegacyWorkflowRouter(getRuntime: (req: Request) => LegacyWorkflowRuntime): Router {
  const router = Router();
  const checkRetailer =
    (retailerOf: (req: Request) => unknown): RequestHandler =>
    (req, _res, next) => {
      const named = retailerOf(req);
      const retailerId = retailerKeyOf(typeof named === 'string' ? named : undefined);
      if (retailerId !== ANY_RETAILER) {
        const { account, user } = getRuntime(req);
        assertRetailerAccess(account, user, retailerId);
      }
      next();
    };
  const fromPath = (req: Request): unknown => req.params['retailerId'];
  const fromBody = (req: Request): unknown => {
    const retailerId = propertyOf(req.body, 'retailerId');
    return typeof retailerId === 'number' ? String(retailerId) : retailerId;
  };

  router.get('/api/v4.1/workflow/:retailerId', checkRetailer(fromPath), (req, res) => {
    res.status(200).json(listWorkflows(getRuntime(req).workflows, retailerKeyOf(String(req.params['retailerId']))));
  });
  router.get(['/api/v4.1/workflow/:retailerId/:name', '/api/v4.1/workflow/:retailerId/:name/:version'], checkRetailer(fromPath));
  router.put('/api/v4.1/workflow', checkRetailer(fromBody));
  return router;
}

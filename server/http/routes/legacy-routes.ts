/**
 * The legacy REST surface (issue 14, docs/legacy-rest.md), mounted behind authentication with one
 * line in `app.ts`: the Workflow API's listing and retailer checks, and the v4.1 entity
 * endpoints storefront cartridges still call. Every write goes through the same domain path as
 * the GraphQL mutations (one domain, two façades).
 */
import { Router, type Request } from 'express';
import type { Account } from '../../account.js';
import { SimError } from '../../domain/errors.js';
import type { AuthUser } from '../../graphql/context.js';
import { orchestrationOf } from '../account-of.js';
import { createLegacyEntityRouter } from './legacy-entity-routes.js';
import { createLegacyWorkflowRouter } from './legacy-workflow-routes.js';

export function createLegacyRouter(accountOf: (req: Request) => Account): Router {
  const router = Router();
  const userOf = (req: Request): AuthUser => {
    const user = req.res?.locals.user;
    if (!user) throw new SimError('UNAUTHENTICATED', 'No authenticated user for this request');
    return user;
  };
  router.use(
    createLegacyWorkflowRouter((req) => {
      const account = accountOf(req);
      return { account, user: userOf(req), workflows: orchestrationOf(account).workflows };
    }),
  );
  router.use(createLegacyEntityRouter((req) => ({ account: accountOf(req), user: userOf(req) })));
  return router;
}

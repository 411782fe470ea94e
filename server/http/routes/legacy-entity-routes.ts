/**
 * Legacy v4.1 REST entity endpoints storefront cartridges call (real-world-usage.md "GraphQL in
 * the wild"; shapes in docs/legacy-rest.md): the writes here, the reads in
 * `legacy-read-routes.ts`, and the documented endpoints not served (501). Parse →
 * `server/legacy/` → serialize. Errors end in the one REST error handler with the platform's body.
 */
import { Router, type Request, type Response } from 'express';
import type { Account } from '../../account.js';
import type { AuthUser } from '../../graphql/context.js';
import { cancelLegacyOrder } from '../../legacy/cancel-legacy-order.js';
import { createLegacyFulfilmentOptions, createLegacyOrder, createLegacyReturn, createLegacyTransaction } from '../../legacy/legacy-entities.js';
import { LEGACY_UPDATES, setLegacyOrderAttributes, updateLegacyEntity, updateLegacyTransaction } from '../../legacy/legacy-updates.js';
import { NOT_SERVED, notServedError } from '../../legacy/not-served.js';
import { createLegacyReadRouter } from './legacy-read-routes.js';

export type LegacyRuntime = { account: Account; user: AuthUser };

export function createLegacyEntityRouter(getRuntime: (req: Request) => LegacyRuntime): Router {
  const router = Router();
  router.post('/api/v4.1/order', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyOrder(account, user, req.body));
  });
  router.post('/api/v4.1/order/:id/transaction', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyTransaction(account, user, req.params.id, req.body));
  });
  router.put('/api/v4.1/order/:id/transaction/:transactionId', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(updateLegacyTransaction(account, user, req.params.id, req.params.transactionId, req.body));
  });
  router.post('/api/v4.1/fulfilmentOptions', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyFulfilmentOptions(account, user, req.body));
  });
  router.post('/api/v4.1/return', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyReturn(account, user, req.body));
  });
  // Updates, order attributes and cancel (docs/legacy-rest.md "Updates").
  for (const [path, spec] of Object.entries(LEGACY_UPDATES)) {
    router.put(`/api/v4.1/${path}/:id`, (req, res) => {
      const { account, user } = getRuntime(req);
      res.status(200).json(updateLegacyEntity(account, user, spec, req.params.id, req.body));
    });
  }
  const setAttributes = (req: Request<{ id: string }>, res: Response): void => {
    const { account, user } = getRuntime(req);
    res.status(200).json(setLegacyOrderAttributes(account, user, req.params.id, req.body));
  };
  router.put('/api/v4.1/order/:id/attribute', setAttributes);
  router.post('/api/v4.1/order/:id/attribute', setAttributes);
  const cancel = async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const { account, user } = getRuntime(req);
    const answer = await cancelLegacyOrder(account, user, req.params.id, req.body);
    res.status(answer.status).json(answer.body);
  };
  router.put('/api/v4.1/order/:id/cancel', cancel);
  router.post('/api/v4.1/order/:id/cancel', cancel);
  router.use(createLegacyReadRouter(getRuntime));
  for (const entry of NOT_SERVED) {
    router[entry.method](entry.path, () => {
      throw notServedError(entry);
    });
  }
  return router;
}

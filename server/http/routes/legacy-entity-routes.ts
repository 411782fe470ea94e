/**
 * Legacy v4.1 REST entity endpoints storefront cartridges call (real-world-usage.md "GraphQL in
 * the wild"; shapes in docs/legacy-rest.md): parse → `server/legacy/` → serialize. Errors end in
 * the one REST error handler with the platform's body.
 */
import { Router, type Request, type Response } from 'express';
import type { Account } from '../../account.js';
import { isLinkRef } from '../../domain/store/store.js';
import type { AuthUser } from '../../graphql/context.js';
import { createLegacyFulfilmentOptions, createLegacyOrder, createLegacyReturn, createLegacyTransaction, findForUser } from '../../legacy/legacy-entities.js';
import { cancelLegacyOrder } from '../../legacy/cancel-legacy-order.js';
import { listParam, searchRecords } from '../../legacy/legacy-search.js';
import { LEGACY_UPDATES, setLegacyOrderAttributes, updateLegacyEntity } from '../../legacy/legacy-updates.js';
import { toLegacyFulfilment, toLegacyLocation, toLegacyOrder, toLegacyReturn } from '../../legacy/views.js';

export type LegacyRuntime = { account: Account; user: AuthUser };

export function createLegacyEntityRouter(getRuntime: (req: Request) => LegacyRuntime): Router {
  const router = Router();

  router.post('/api/v4.1/order', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyOrder(account, user, req.body));
  });
  router.get('/api/v4.1/order', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(searchRecords(account, user, req.query, { typename: 'Order' }, (order) => toLegacyOrder(account, order)));
  });
  router.get('/api/v4.1/order/:id', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyOrder(account, findForUser(account, user, 'Order', req.params.id, 'Order')));
  });
  router.get('/api/v4.1/order/:id/fulfilment', (req, res) => {
    const { account, user } = getRuntime(req);
    const order = findForUser(account, user, 'Order', req.params.id, 'Order');
    const fulfilments = account.store
      .linkedFrom({ __link: 'Order', id: order.id }, 'Fulfilment')
      .filter((f) => isLinkRef(f['order']) && f['order'].id === order.id);
    const results = fulfilments.map((fulfilment) => toLegacyFulfilment(account, fulfilment));
    res.status(200).json({ start: 0, count: results.length, total: results.length, results });
  });
  router.post('/api/v4.1/order/:id/transaction', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyTransaction(account, user, req.params.id, req.body));
  });
  router.post('/api/v4.1/fulfilmentOptions', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyFulfilmentOptions(account, user, req.body));
  });
  router.post('/api/v4.1/return', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(createLegacyReturn(account, user, req.body));
  });
  router.get('/api/v4.1/return/:id', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyReturn(account, findForUser(account, user, 'ReturnOrder', req.params.id, 'Return')));
  });
  router.get('/api/v4.1/fulfilment/:id', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyFulfilment(account, findForUser(account, user, 'Fulfilment', req.params.id, 'Fulfilment')));
  });
  router.get('/api/v4.1/location', (req, res) => {
    const { account, user } = getRuntime(req);
    const statuses = listParam(req.query, 'agentStatuses');
    const keep = statuses.length ? (location: Record<string, unknown>) => statuses.includes(String(location['status'])) : undefined;
    res
      .status(200)
      .json(
        searchRecords(account, user, req.query, keep ? { typename: 'Location', keep } : { typename: 'Location' }, (location) =>
          toLegacyLocation(account, location),
        ),
      );
  });
  router.get('/api/v4.1/location/:id', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyLocation(account, findForUser(account, user, 'Location', req.params.id, 'Location')));
  });
  // Updates, order attributes and cancel (docs/legacy-rest.md "Updates").
  for (const [path, spec] of Object.entries(LEGACY_UPDATES)) {
    router.put(`/api/v4.1/${path}/:id`, (req, res) => {
      const { account, user } = getRuntime(req);
      res.status(200).json(updateLegacyEntity(account, user, spec, req.params.id, req.body));
    });
  }
  router.get('/api/v4.1/order/:id/attribute', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyOrder(account, findForUser(account, user, 'Order', req.params.id, 'Order'))['attributes']);
  });
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
  return router;
}

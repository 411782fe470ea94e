/**
 * Legacy v4.1 REST reads (docs/legacy-rest.md): the paged searches, one record by id, an order's
 * fulfilments and transactions. Parse → `server/legacy/` → serialize; errors end in the one REST
 * error handler with the platform's body.
 */
import { Router, type Request } from 'express';
import { isLinkRef, type EntityRecord } from '../../domain/store/store.js';
import {
  findLegacyTransaction,
  listLegacyTransactions,
  searchLegacyConsignments,
  searchLegacyFulfilments,
  searchLegacyLocations,
  searchLegacyOrders,
  searchLegacyReturns,
} from '../../legacy/entity-searches.js';
import { findForUser } from '../../legacy/legacy-entities.js';
import { toLegacyConsignment, toLegacyFulfilment, toLegacyFulfilmentOptions, toLegacyLocation, toLegacyOrder, toLegacyReturn } from '../../legacy/views.js';
import type { LegacyRuntime } from './legacy-entity-routes.js';

/** `GET /api/v4.1/{path}/:id` → the view of one record, 404/403 as `findForUser` decides. */
type ByIdRead = { path: string; typename: string; label: string; view: (runtime: LegacyRuntime, record: EntityRecord) => unknown };

const BY_ID: readonly ByIdRead[] = [
  { path: 'order', typename: 'Order', label: 'Order', view: ({ account }, r) => toLegacyOrder(account, r) },
  { path: 'fulfilment', typename: 'Fulfilment', label: 'Fulfilment', view: ({ account }, r) => toLegacyFulfilment(account, r) },
  { path: 'location', typename: 'Location', label: 'Location', view: ({ account }, r) => toLegacyLocation(account, r) },
  { path: 'return', typename: 'ReturnOrder', label: 'Return', view: ({ account }, r) => toLegacyReturn(account, r) },
  { path: 'consignment', typename: 'Consignment', label: 'Consignment', view: ({ account }, r) => toLegacyConsignment(account, r) },
  {
    path: 'fulfilmentOptions',
    typename: 'FulfilmentOption',
    label: 'Fulfilment option',
    view: ({ account }, r) => toLegacyFulfilmentOptions(account, r, undefined),
  },
];

const SEARCHES = {
  order: searchLegacyOrders,
  fulfilment: searchLegacyFulfilments,
  location: searchLegacyLocations,
  return: searchLegacyReturns,
  consignment: searchLegacyConsignments,
} as const;

export function createLegacyReadRouter(getRuntime: (req: Request) => LegacyRuntime): Router {
  const router = Router();
  for (const [path, search] of Object.entries(SEARCHES)) {
    router.get(`/api/v4.1/${path}`, (req, res) => {
      const { account, user } = getRuntime(req);
      res.status(200).json(search(account, user, req.query));
    });
  }
  for (const read of BY_ID) {
    router.get(`/api/v4.1/${read.path}/:id`, (req, res) => {
      const runtime = getRuntime(req);
      res.status(200).json(read.view(runtime, findForUser(runtime.account, runtime.user, read.typename, req.params.id, read.label)));
    });
  }
  router.get('/api/v4.1/order/:id/fulfilment', (req, res) => {
    const { account, user } = getRuntime(req);
    const order = findForUser(account, user, 'Order', req.params.id, 'Order');
    const fulfilments = account.store
      .linkedFrom({ __link: 'Order', id: order.id }, 'Fulfilment')
      .filter((f) => isLinkRef(f['order']) && f['order'].id === order.id);
    const results = fulfilments.map((fulfilment) => toLegacyFulfilment(account, fulfilment));
    res.status(200).json({ start: 0, count: results.length, total: results.length, results });
  });
  router.get('/api/v4.1/order/:id/attribute', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(toLegacyOrder(account, findForUser(account, user, 'Order', req.params.id, 'Order'))['attributes']);
  });
  router.get('/api/v4.1/order/:id/transaction', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(listLegacyTransactions(account, user, req.params.id));
  });
  router.get('/api/v4.1/order/:id/transaction/:transactionId', (req, res) => {
    const { account, user } = getRuntime(req);
    res.status(200).json(findLegacyTransaction(account, user, req.params.id, req.params.transactionId));
  });
  return router;
}

/**
 * The web console (issue 13; docs/console.md): the static page under `/console` (the `console/`
 * folder of the package, plain ES modules, no build step, nothing from a CDN), a landing page at
 * `GET /` that links to it, `GET /_sim/console/accounts` (default first), and `POST /_sim/console/token`, which gives the page a bearer token
 * for the account it shows so that it reads through the same GraphQL and Event API as any client.
 * The token endpoint is as open as the rest of `/_sim` (reset, snapshots): a local tool.
 */
import express, { Router } from 'express';
import type { Simulator } from '../simulator.js';
import { packagePath } from '../lib/package-path.js';
import { simAccountOf } from '../http/account-of.js';

export function createConsoleRouter(sim: Simulator): Router {
  const router = Router();
  router.get('/', (req, res) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') return void res.type('html').send(LANDING);
    res.json({ name: 'fluent-sim', console: '/console/', graphql: '/graphql', health: '/_sim/health' });
  });
  router.get('/console', (req, res, next) => (req.originalUrl === '/console' ? res.redirect(301, '/console/') : next()));
  router.use('/console', express.static(packagePath('console'), { index: 'index.html', fallthrough: true }));

  // The default account first, then the tenants in the order they were created.
  router.get('/_sim/console/accounts', (_req, res) => {
    const ids = [sim.config.account, ...[...sim.accounts.keys()].filter((id) => id !== sim.config.account)];
    res.json({ default: sim.config.account, accounts: ids });
  });
  router.post('/_sim/console/token', (req, res) => {
    const account = simAccountOf(sim, req);
    const username = sim.defaultUsername(account);
    const issued = sim.tokens.issue({ accountId: account.id, username }, account.clock.nowMs(), sim.config.tokenTtl, false);
    const spec = sim.specs.get(account.id);
    res.json({ account: account.id, access_token: issued.accessToken, expires_in: issued.expiresIn, retailerId: spec?.retailerId ?? sim.config.retailerId });
  });
  return router;
}

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>fluent-sim</title></head>
<body><h1>fluent-sim</h1><ul>
<li><a href="/console/">Console</a>: entities, event timelines, webhooks, clock</li>
<li><a href="/graphql">GraphiQL</a></li>
<li><a href="/_sim/health">Health</a></li>
</ul></body></html>
`;

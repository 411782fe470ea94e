/**
 * The web console (issue 13; docs/console.md): the static page under `/console` (the `console/`
 * folder of the package, plain ES modules, no build step, nothing from a CDN), a landing page at
 * `GET /` that links to it, and the few reads the page needs that no other endpoint gives:
 * - `GET /_sim/console/accounts`: account ids, the default first;
 * - `GET /_sim/console/workflows[/{retailerId}/{name}/{version}]`: versions; one as a graph;
 * - `POST /_sim/console/token`: a bearer token for the account shown, so that the page reads
 *   through the same GraphQL and Event API as any client. As open as the rest of `/_sim`
 *   (reset, snapshots): a local tool.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { SimError } from '../domain/errors.js';
import { isStubRule } from '../orchestration/stubs/stub-rule.js';
import { workflowGraph } from './workflow-graph.js';
import type { Simulator } from '../simulator.js';
import { packagePath } from '../lib/package-path.js';
import { orchestrationOf, simAccountOf } from '../http/account-of.js';

/** dagre's self-contained ES module build (graphlib bundled), served to the page as it ships. */
const DAGRE_DIR = dirname(createRequire(import.meta.url).resolve('@dagrejs/dagre/package.json'));
const DAGRE = join(DAGRE_DIR, 'dist', 'dagre.esm.js');

export function createConsoleRouter(sim: Simulator): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const html = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (html) return void res.type('html').send(LANDING);
    res.json({ name: 'fluent-sim', console: '/console/', graphql: '/graphql', health: '/_sim/health' });
  });
  // Relative module paths need the trailing slash.
  router.get('/console', (req, res, next) => {
    if (req.originalUrl === '/console') return void res.redirect(301, '/console/');
    next();
  });
  router.get('/console/vendor/dagre.js', (_req, res) => res.type('text/javascript').sendFile(DAGRE));
  router.use('/console', express.static(packagePath('console'), { index: 'index.html' }));

  // The default account first, then the tenants in the order they were created.
  router.get('/_sim/console/accounts', (_req, res) => {
    const first = sim.config.account;
    res.json({ default: first, accounts: [first, ...[...sim.accounts.keys()].filter((id) => id !== first)] });
  });
  // Loaded workflows and their versions, and one version as a status/event graph with its JSON.
  router.get('/_sim/console/workflows', (req, res) => {
    res.json({ workflows: orchestrationOf(simAccountOf(sim, req)).workflows.list() });
  });
  router.get('/_sim/console/workflows/:retailerId/:name/:version', (req, res) => {
    const { workflows, registry } = orchestrationOf(simAccountOf(sim, req));
    const { retailerId, name, version } = req.params;
    const compiled = workflows.get(retailerId, name, version);
    if (!compiled) {
      throw new SimError('NOT_FOUND', `No workflow ${name} version ${version} for retailer ${retailerId}`);
    }
    const isStub = (key: string): boolean => {
      const found = registry.resolve(key);
      return found.type === 'found' && isStubRule(found.rule);
    };
    res.json({ graph: workflowGraph(compiled, isStub), workflow: compiled.workflow, source: compiled.source });
  });
  router.post('/_sim/console/token', (req, res) => {
    const account = simAccountOf(sim, req);
    const username = sim.defaultUsername(account);
    const issued = sim.tokens.issue({ accountId: account.id, username }, sim.config.tokenTtl, false);
    const retailerId = sim.specs.get(account.id)?.retailerId ?? sim.config.retailerId;
    res.json({ account: account.id, access_token: issued.accessToken, expires_in: issued.expiresIn, retailerId });
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

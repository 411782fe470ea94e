/**
 * Composes the HTTP surface (design §3): `/_sim/*` (no auth), `POST /oauth/token`, then bearer
 * authentication in front of `/graphql` and `/api/*`, the platform's 404 body for unknown paths,
 * and the one REST error handler. Never listens: `main.ts` does.
 */
import express, { type Express, type Request, type Response } from 'express';
import { createErrorHandler } from './http/error-handler.js';
import { requireAuth } from './http/middleware/auth.js';
import { createOAuthRouter } from './http/routes/oauth-routes.js';
import { createSimRouter } from './http/routes/sim-routes.js';
import { createSimStateRouter } from './http/routes/sim-state-routes.js';
import { createSimStubRouter } from './http/routes/sim-stub-routes.js';
import { createSimTokenRouter } from './http/routes/sim-token-routes.js';
import { accountOf, orchestrationOf, simAccountOf, webhooksOf } from './http/account-of.js';
import { createSimWebhookRouter } from './http/routes/sim-webhook-routes.js';
import { createJobRouter } from './http/routes/job-routes.js';
import { createEventRouter, type EventRuntime, submitFromApi } from './http/routes/event-routes.js';
import { type LeanHandler, leanRoutes, sendJson } from './http/lean-routes.js';
import type { Account } from './account.js';
import { createSimOrchestrationRouter } from './http/routes/sim-orchestration-routes.js';
import { createWorkflowRouter } from './http/routes/workflow-routes.js';
import { createLegacyRouter } from './http/routes/legacy-routes.js';
import { createPluginRouter, createSimPluginRouter, MAX_PLUGIN_BYTES, PLUGIN_UPLOAD_PATH } from './http/routes/plugin-routes.js';
import type { Simulator } from './simulator.js';
import { createConsoleRouter } from './console/console-router.js';
import type { Logger } from './lib/logger.js';
import { requestLog } from './http/middleware/request-log.js';
import { parseQueryString } from './http/parse-query-string.js';
import { bodyLimit } from './http/middleware/body-limit.js';
import { graphqlGetParams } from './http/middleware/graphql-get-params.js';
import { jsonDepthLimit } from './http/middleware/json-depth.js';
import { controlAccess, controlPolicy } from './http/middleware/control-access.js';
import { createFaultMiddleware } from './faults/fault-middleware.js';
import { createFaultRouter } from './faults/fault-routes.js';

type GraphQLHandler = ReturnType<typeof import('./graphql/yoga.js').createGraphQLHandler>;

export type AppOptions = {
  version?: string;
  log?: (message: string, error?: unknown) => void;
  /** Middleware that runs before every route (the data file's write-before-answer hook). */
  before?: express.RequestHandler[];
  /** Request lines at debug level. */
  logger?: Logger;
  /** The control token `/_sim/*` requires (start.ts generates one for a non-loopback host). */
  controlToken?: string;
};

export function createApp(sim: Simulator, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', parseQueryString);
  const log = options.log ?? (() => undefined);

  if (options.logger) app.use(requestLog(options.logger));
  for (const m of options.before ?? []) app.use(m);
  const limit = sim.config.maxBodyBytes;
  // Not strict: a JSON string or null is valid JSON, and each route says what it expected instead.
  const parseJson = express.json({ limit, strict: false, type: ['application/json', 'application/*+json'] });
  const graphql = lazyGraphQLHandler(sim);
  // The hot endpoints' common requests skip the routers below (http/lean-routes.ts).
  app.use(
    leanRoutes({
      sim,
      parseJson,
      maxBodyBytes: limit,
      routes: {
        '/graphql': graphql,
        '/api/v4.1/event/sync': eventRoute('sync'),
        '/api/v4.1/event/async': eventRoute('async'),
      },
    }),
  );
  // A plugin JAR may be larger; its route answers its own limit (plus room for multipart framing).
  app.use(bodyLimit(limit, { [PLUGIN_UPLOAD_PATH]: MAX_PLUGIN_BYTES + 1024 * 1024 }));
  app.use(parseJson);
  app.use(jsonDepthLimit);
  app.use('/_sim', controlAccess(sim, controlPolicy(sim.config.host, options.controlToken ?? sim.config.controlToken)));
  app.use(createFaultMiddleware(sim), createFaultRouter(sim));
  app.use(createConsoleRouter(sim));
  app.use(createSimRouter(sim, options.version ?? '0.0.0'));
  app.use(createSimOrchestrationRouter((req) => orchestrationOf(simAccountOf(sim, req))));
  app.use(createSimStubRouter((req) => orchestrationOf(simAccountOf(sim, req))));
  app.use(createSimStateRouter(sim));
  app.use(createSimTokenRouter(sim));
  app.use(
    createSimWebhookRouter(
      (req) => webhooksOf(simAccountOf(sim, req)),
      () => sim.webhookKeys.publicKeyPem,
    ),
  );
  app.use(createSimPluginRouter((req) => simAccountOf(sim, req).plugins));

  app.use(express.urlencoded({ extended: false, limit, parameterLimit: 1000 }));
  app.use(createOAuthRouter(sim));

  // GraphiQL's page itself is public; every query needs a token.
  app.get('/graphql', (req, res, next) => (req.accepts(['text/html', 'application/json']) === 'text/html' && !req.query['query'] ? graphql(req, res) : next()));
  app.use('/graphql', requireAuth(sim), graphqlGetParams, (req, res) => graphql(req, res));
  app.use('/api', requireAuth(sim));
  app.use(createLegacyRouter(accountOf));
  app.use(createEventRouter((req) => eventRuntimeOf(accountOf(req))));
  app.use(createWorkflowRouter((req) => orchestrationOf(accountOf(req)), options.logger ? { logger: options.logger } : {}));
  app.use(createJobRouter((req) => accountOf(req).jobs));
  app.use('/orchestration', requireAuth(sim));
  app.use(
    createPluginRouter((req) => {
      const account = accountOf(req);
      const { registry } = orchestrationOf(account);
      return { accountId: account.id, plugins: account.plugins, registry };
    }),
  );

  app.use((req, res) => {
    res.status(404).json({ errors: [{ code: '404', message: `No endpoint ${req.method} ${req.path}` }] });
  });
  app.use(createErrorHandler(log));
  return app;
}

function eventRuntimeOf(account: Account): EventRuntime {
  const { engine, events } = orchestrationOf(account);
  return { engine, events, accountId: account.id, clock: account.clock };
}

function eventRoute(mode: 'sync' | 'async'): LeanHandler {
  return async (req, res) => {
    const answer = await submitFromApi(eventRuntimeOf(accountOf(req)), req.body, mode);
    sendJson(res, answer.status, answer.body);
  };
}

/**
 * graphql-yoga, and the fetch API it brings in, load on the first /graphql request instead of at
 * every start (docs/decisions.md, issue 17); that request waits for them, later ones do not.
 */
function lazyGraphQLHandler(sim: Simulator): (req: Request, res: Response) => Promise<void> {
  const { maxQueryDepth, maxQueryAliases, maxQueryComplexity, maxInputList, pageSize, maxPageSize } = sim.config;
  const limits = {
    maxDepth: maxQueryDepth,
    maxAliases: maxQueryAliases,
    maxComplexity: maxQueryComplexity,
    maxInputList,
    defaultPageSize: pageSize,
    maxPageSize,
  };
  let yoga: Promise<GraphQLHandler> | undefined;
  return async (req, res) => {
    yoga ??= import('./graphql/yoga.js').then(({ createGraphQLHandler }) => createGraphQLHandler(sim.schema, limits));
    await (await yoga)(req, res);
  };
}

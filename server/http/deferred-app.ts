/**
 * A request listener whose app is built after the server listens (issue 17, docs/decisions.md):
 * `fluent-sim start` prints its "listening on" line once the account is seeded, then evaluates
 * express and its routers. A request that arrives before the app is built waits for it and is
 * then answered by it, as if it had been built first; `/_sim/health` is one of its routes, so it
 * never answers before every route can.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export type DeferredApp = {
  /** For `http.createServer`: hands each request to the app once it is built. */
  listener: RequestListener;
  /** Starts building the app (once); resolves when it is built. */
  build(): Promise<RequestListener>;
};

/**
 * @param create builds the app; called once, by the first `build()` or the first request.
 * @param failed told when building fails; the requests that waited get a bare 500.
 */
export function deferredApp(create: () => Promise<RequestListener>, failed: (error: unknown) => void): DeferredApp {
  let built: Promise<RequestListener> | undefined;
  const build = (): Promise<RequestListener> => {
    built ??= create().catch((error: unknown) => {
      failed(error);
      throw error;
    });
    return built;
  };
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    build().then(
      (app) => app(req, res),
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  };
  return { listener, build };
}

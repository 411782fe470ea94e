/**
 * Express middleware in front of every route when `--data` is set: a request that may write is
 * answered only once its changes are in the journal. Its whole response (head, body, end) is held
 * until then; when the write fails, the held answer is dropped and the client gets 503 in the
 * platform's error shape instead (its changes were rolled back). `GET /_sim/health` answers 503
 * while the data file cannot be written.
 *
 * While the data file cannot be written, a request that changed nothing (a GraphQL query sent by
 * POST, a search) is answered as usual without a write: otherwise it would carry the changes
 * still waiting from before (engine work done after an earlier answer) into a write that fails.
 */
import type { RequestHandler, Response } from 'express';
import type { Persistence } from './persistence.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `{"errors":[{"code","message"}]}`: the platform's REST error body (fluent-platform.md §7). */
function unsaved(reason: string): string {
  const message = `The change could not be saved to the data file (${reason}); it was rolled back. Retry once GET /_sim/health answers 200.`;
  return JSON.stringify({ errors: [{ code: '503', message }] });
}

export function createCommitMiddleware(persistence: Persistence): RequestHandler {
  return (req, res, next) => {
    if (READS.has(req.method)) {
      const health = persistence.health();
      if (req.path === '/_sim/health' && !health.healthy) {
        res.status(503).json({ status: 'DOWN', reason: `the data file cannot be written: ${health.reason}`, since: health.since });
        return;
      }
      next();
      return;
    }
    if (persistence.rollingBack()) {
      res.status(503).type('application/json').send(unsaved('the data file is being read back after a failed write'));
      return;
    }
    holdUntilCommitted(res, persistence);
    next();
  };
}

function holdUntilCommitted(res: Response, persistence: Persistence): void {
  const rollbacksAtStart = persistence.rollbacks();
  // Only while unhealthy: a healthy commit of nothing is free, and the fingerprint is not.
  const before = persistence.health().healthy ? undefined : persistence.fingerprint();
  const held: (() => void)[] = [];
  const { writeHead, write, end } = res;
  // Each stand-in below takes any arguments and passes them on unchanged to the real method later:
  // one variadic function cannot match each method's overloads, hence its cast.
  res.writeHead = ((...args: unknown[]) => {
    held.push(() => Reflect.apply(writeHead, res, args));
    return res;
  }) as Response['writeHead'];
  // Cast: a variadic stand-in for an overloaded method (see above).
  res.write = ((...args: unknown[]) => {
    held.push(() => Reflect.apply(write, res, args));
    return true;
  }) as Response['write'];
  // Cast: a variadic stand-in for an overloaded method (see above).
  res.end = ((...args: unknown[]) => {
    // Node calls writeHead/write itself inside end(); they must be the real ones again.
    const restore = (): void => {
      res.writeHead = writeHead;
      res.write = write;
      res.end = end;
    };
    const release = (): void => {
      restore();
      for (const step of held) step();
      Reflect.apply(end, res, args);
    };
    const refuse = (reason: string): void => {
      restore();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      Reflect.apply(end, res, [unsaved(reason)]);
    };
    const unchanged = before !== undefined && persistence.fingerprint() === before;
    if (unchanged && persistence.rollbacks() === rollbacksAtStart) {
      release();
      return res;
    }
    persistence.commit().then(
      // A roll-back while this request ran may have undone its changes: it is not acknowledged.
      () => (persistence.rollbacks() === rollbacksAtStart ? release() : refuse('a concurrent write failed')),
      (error: unknown) => refuse(error instanceof Error ? error.message : String(error)),
    );
    return res;
  }) as Response['end'];
}

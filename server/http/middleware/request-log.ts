/**
 * One line per request at debug level: method, path (never the query string, which may carry
 * OAuth credentials), status and duration.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../../lib/logger.js';

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!logger.isLevelEnabled('debug')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  };
}

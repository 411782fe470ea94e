/**
 * The only place a REST error becomes a response (style §5). SimErrors get the platform's body
 * `{"errors":[{"code": "...", "message": "..."}]}` (fluent-platform.md §7); anything else is a
 * 500 with the same shape, and is logged. Malformed JSON bodies from express's parser become 400.
 */
import type { ErrorRequestHandler } from 'express';
import { SimError, toSimError } from '../domain/errors.js';

export type ErrorBody = { errors: { code: string; message: string }[] };

export function toErrorBody(error: SimError): ErrorBody {
  return { errors: [{ code: error.spec.restCode, message: error.message }] };
}

export function createErrorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const parseFailure = typeof err === 'object' && err !== null && (err as { type?: string }).type === 'entity.parse.failed';
    const error = parseFailure ? new SimError('MALFORMED_JSON', `The request body is not valid JSON: ${(err as Error).message}`) : toSimError(err);
    if (error.code === 'INTERNAL') log('unexpected error', err);
    res.status(error.spec.http).json(toErrorBody(error));
  };
}

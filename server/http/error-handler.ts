/**
 * The only place a REST error becomes a response (style §5). SimErrors get the platform's body
 * `{"errors":[{"code": "...", "message": "..."}]}` (fluent-platform.md §7); anything else is a
 * 500 with the same shape, and is logged. Failures of reading the request (bad JSON, charset,
 * encoding, size, path) are the client's: 400/413/415 (parser-errors.ts).
 */
import type { ErrorRequestHandler } from 'express';
import { type SimError, toSimError } from '../domain/errors.js';
import { fromParserFailure } from './parser-errors.js';

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
    const error = fromParserFailure(err) ?? toSimError(err);
    if (error.code === 'INTERNAL') log('unexpected error', err);
    res.status(error.spec.http).json(toErrorBody(error));
  };
}

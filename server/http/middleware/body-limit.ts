/**
 * Refuses a body whose declared length is over the limit before anything reads it: the JSON
 * and form parsers enforce the same limit on what they read, and this covers the bodies they
 * leave to graphql-yoga (the platform answers 413 above 2 MB, fluent-platform.md §2.1 limits).
 */
import type { RequestHandler } from 'express';
import { SimError } from '../../domain/errors.js';

/** `larger` lists routes with a limit of their own (plugin JARs), which they enforce themselves. */
export function bodyLimit(maxBytes: number, larger: Readonly<Record<string, number>> = {}): RequestHandler {
  return (req, res, next) => {
    const limit = Object.hasOwn(larger, req.path) ? larger[req.path]! : maxBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // The body is not read: close the connection after answering instead of draining it.
      res.setHeader('Connection', 'close');
      throw new SimError(
        'PAYLOAD_TOO_LARGE',
        `The request body is ${declared} bytes; this simulator accepts at most ${limit}${limit === maxBytes ? ' (--max-body-bytes; the platform allows 2 MB)' : ' here'}`,
      );
    }
    next();
  };
}

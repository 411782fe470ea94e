/**
 * The listening server, with time limits (issue 16 #2): a client that trickles its headers or
 * body (slowloris) is answered 408 and cut off instead of holding a socket and memory for ever.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Config } from '../config.js';

export function createHttpServer(app: RequestListener, config: Pick<Config, 'headersTimeout' | 'requestTimeout'>): Server {
  return createServer(
    {
      headersTimeout: config.headersTimeout,
      // Node requires requestTimeout ≥ headersTimeout (or 0).
      requestTimeout: Math.max(config.requestTimeout, config.headersTimeout),
      // How often Node checks those timeouts (default 30 s, which would stretch them).
      connectionsCheckingInterval: Math.min(1000, config.headersTimeout),
    },
    app,
  );
}

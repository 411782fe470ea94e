/**
 * Time limits on the listening server (issue 16 #2): a client that trickles its headers or body
 * (slowloris) is cut off instead of holding a socket and memory for ever.
 */
import type { Server } from 'node:http';
import type { Config } from '../config.js';

export function applyServerLimits(server: Server, config: Pick<Config, 'headersTimeout' | 'requestTimeout'>): void {
  server.headersTimeout = config.headersTimeout;
  // Node requires requestTimeout ≥ headersTimeout (or 0).
  server.requestTimeout = Math.max(config.requestTimeout, config.headersTimeout);
}

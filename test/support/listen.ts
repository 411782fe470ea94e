/**
 * Starts an app on a free port (port 0) for clients that need a real URL (the official client,
 * child processes) and closes it afterwards.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export type Listening = { url: string; close(): Promise<void> };

export async function listen(app: Express): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

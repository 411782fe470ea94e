import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferredApp } from '../../server/http/deferred-app.js';

/** The HTTP app built after the server listens (issue 17): requests that come first wait for it. */
describe('deferredApp', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  const listen = async (listener: RequestListener): Promise<string> => {
    server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    // A TCP server: address() is an AddressInfo.
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('answers a request that came before the app was built with the app, and builds it once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const create = vi.fn(async (): Promise<RequestListener> => {
      await gate;
      return (req, res) => res.end(`app ${req.url}`);
    });
    const app = deferredApp(create, () => undefined);
    const base = await listen(app.listener);
    const early = fetch(`${base}/first`).then((res) => res.text());
    const built = app.build();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await early).toBe('app /first');
    await built;
    expect(await (await fetch(`${base}/second`)).text()).toBe('app /second');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('reports a build that fails and answers 500 to the requests that waited', async () => {
    const failed = vi.fn();
    const app = deferredApp(async () => Promise.reject(new Error('no app')), failed);
    const base = await listen(app.listener);
    expect((await fetch(`${base}/`)).status).toBe(500);
    await expect(app.build()).rejects.toThrow('no app');
    expect(failed).toHaveBeenCalledTimes(1);
  });
});

/**
 * The default webhook transport: one POST with `node:http`/`node:https` over keep-alive
 * connections. It does what `deliverOnce` needs and nothing more (no redirects followed, the
 * answer's status and first bytes), at several times the rate of `fetch` for small bodies on
 * the same machine (`npm run bench`, webhooks section). Tests inject a `fetch` instead.
 *
 * Rejects with the socket's error (e.g. `connect ECONNREFUSED …`), or an `AbortError` once
 * `signal` aborts; the caller turns both into an attempt outcome.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Keep-alive pools; the dispatcher bounds how many sockets are busy per origin. */
const AGENTS = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

export type PostAnswer = { status: number; bodyStart: Buffer };

/** Reads the answer's first `maxBytes`, then stops (and drops the connection if more was coming). */
function readStart(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= maxBytes) {
        response.destroy();
        resolve(Buffer.concat(chunks).subarray(0, maxBytes));
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}

export function httpPost(url: string, headers: Record<string, string>, body: Buffer, signal: AbortSignal, maxBytes: number): Promise<PostAnswer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new TypeError(`Invalid URL: ${url}`));
  }
  const { protocol } = target;
  if (protocol !== 'http:' && protocol !== 'https:') {
    return Promise.reject(new TypeError(`unsupported protocol ${protocol} in ${url}: webhooks go to http or https URLs`));
  }
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', agent: AGENTS[protocol], headers: { ...headers, 'content-length': String(body.byteLength) }, signal },
      (response) => {
        readStart(response, maxBytes).then((bodyStart) => resolve({ status: response.statusCode ?? 0, bodyStart }), reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs a load generator in a worker thread, so the client's own HTTP work (building requests,
 * parsing answers) runs beside the server instead of taking turns with it on one thread, as a
 * real client in another process would. `moduleUrl` is a bench module; `name` one of its
 * exported async functions, called with `args` (structured-cloned); its result comes back.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.moduleUrl)
  .then((module) => module[workerData.name](...workerData.args))
  .then((result) => parentPort.postMessage({ result }), (error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

export function inWorker<T>(moduleUrl: URL, name: string, args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { moduleUrl: moduleUrl.href, name, args } });
    worker.once('message', (message: { result?: T; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(`bench worker ${name}: ${message.error}`));
      else resolve(message.result as T);
    });
    worker.once('error', reject);
  });
}

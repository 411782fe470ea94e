/**
 * The process logger: pino, writing JSON lines (one object per line: level, time, msg, fields)
 * when output is not a terminal — containers, CI — and short readable lines on a terminal.
 * Levels debug/info/warn/error; `silent` logs nothing. Callers never log credentials: request
 * lines carry the path without its query string (OAuth parameters travel there).
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { isRecord, propertyOf } from './guards.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type { Logger };

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Renders pino's JSON lines as `12:00:00.123 INFO  message key=value`. */
function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const entry: unknown = JSON.parse(line);
          if (!isRecord(entry)) throw new TypeError('not a pino line');
          const { level, time, msg, pid: _pid, hostname: _host, ...rest } = entry;
          const stamp = new Date(Number(time)).toISOString().slice(11, 23);
          const fields = Object.entries(rest)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' ');
          out.write(`${stamp} ${(LEVEL_NAMES[Number(level)] ?? String(level)).padEnd(5)} ${String(msg ?? '')}${fields ? ` ${fields}` : ''}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

export function createLogger(level: LogLevel, options: { pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const pretty = options.pretty ?? Boolean(propertyOf(destination, 'isTTY'));
  return pino(
    { level, base: undefined, redact: { paths: ['*.password', '*.client_secret', '*.authorization', '*.refresh_token'], censor: '[redacted]' } },
    pretty ? prettyStream(destination) : destination,
  );
}

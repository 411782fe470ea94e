/**
 * Failures of reading a request — body parsers, content decoding, path decoding — are the
 * client's: 400, 413 or 415 in the platform's body, never a 500 (issue 16 #8). Body-parser and
 * express mark theirs with a `type` or a 4xx `status`; zlib marks a body that does not match its
 * `Content-Encoding` with a `Z_…`/`ERR_…` code.
 */
import { SimError } from '../domain/errors.js';
import { propertyOf } from '../lib/guards.js';

const BY_TYPE: Readonly<Record<string, (message: string) => SimError>> = {
  'entity.parse.failed': (m) => new SimError('MALFORMED_JSON', `The request body is not valid JSON: ${m}`),
  'entity.too.large': () =>
    new SimError('PAYLOAD_TOO_LARGE', 'The request body is larger than this simulator accepts (--max-body-bytes; the platform allows 2 MB)'),
  'parameters.too.many': () => new SimError('PAYLOAD_TOO_LARGE', 'The form body has too many parameters'),
  'charset.unsupported': (m) => new SimError('UNSUPPORTED_MEDIA_TYPE', `${m}; send UTF-8`),
  'encoding.unsupported': (m) => new SimError('UNSUPPORTED_MEDIA_TYPE', `${m}; send gzip, deflate, br or no Content-Encoding`),
};

export function fromParserFailure(error: unknown): SimError | undefined {
  if (typeof error !== 'object' || error === null || error instanceof SimError) return undefined;
  const sent = propertyOf(error, 'message');
  const message = typeof sent === 'string' ? sent : 'the request could not be read';
  const type = propertyOf(error, 'type');
  if (typeof type === 'string' && BY_TYPE[type]) return BY_TYPE[type]!(message);
  const code = propertyOf(error, 'code');
  if (typeof code === 'string' && /^(Z_|ERR_ZLIB|ERR_BROTLI|ERR__)/.test(code)) {
    return new SimError('VALIDATION_FAILED', `The request body does not match its Content-Encoding (${message})`);
  }
  const status = [propertyOf(error, 'status'), propertyOf(error, 'statusCode')].find((value): value is number => typeof value === 'number');
  if (status === undefined || status < 400 || status > 499) return undefined;
  if (status === 413) return BY_TYPE['entity.too.large']!(message);
  if (status === 415) return new SimError('UNSUPPORTED_MEDIA_TYPE', message);
  return new SimError('VALIDATION_FAILED', message);
}

import { constants, verify, type KeyObject } from 'node:crypto';

export type SignatureAlgorithm = 'sha512' | 'md5';

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface WebhookVerification {
  /** SHA512withRSA over the body; false when the header is missing or wrong. */
  fluentSignature: boolean;
  /** MD5withRSA over the body; null when no flex signature header was sent. */
  flexSignature: boolean | null;
}

// Header spellings that receivers accept, in order of preference (fluent-platform.md §6.3,
// the SDK's list). The platform itself sends the first spelling of each.
export const FLUENT_SIGNATURE_HEADER_NAMES = ['fluent-signature', 'x-fluent-signature', 'fluent_signature'] as const;
export const FLEX_SIGNATURE_HEADER_NAMES = ['flex.signature', 'flex-signature', 'flex_signature'] as const;

// Canonical, padded base64 only. Buffer.from(…, 'base64') silently skips junk characters,
// so without this check a valid signature followed by garbage would still verify.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks one RSASSA-PKCS1-v1_5 signature over the exact raw body bytes
 * (fluent-platform.md §6.3). Returns false for any malformed input; never throws.
 */
export function verifySignature(rawBody: Buffer, signatureB64: string, publicKey: KeyObject, algorithm: SignatureAlgorithm): boolean {
  try {
    if (typeof signatureB64 !== 'string' || signatureB64.length === 0) return false;
    if (!BASE64.test(signatureB64)) return false;
    if (algorithm !== 'sha512' && algorithm !== 'md5') return false;
    const signature = Buffer.from(signatureB64, 'base64');
    return verify(algorithm, rawBody, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}

/**
 * Finds a header by any accepted spelling, case-insensitively. A header repeated with
 * different values is ambiguous and yields '' (which never verifies).
 */
function findHeader(headers: HeaderBag, names: readonly string[]): string | undefined {
  const lowered = new Map<string, string | string[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !lowered.has(name.toLowerCase())) lowered.set(name.toLowerCase(), value);
  }
  for (const name of names) {
    const value = lowered.get(name);
    if (value === undefined) continue;
    if (typeof value === 'string') return value;
    const distinct = [...new Set(value)];
    return distinct.length === 1 ? distinct[0] : '';
  }
  return undefined;
}

/** Verifies both webhook signature headers against the raw body (fluent-platform.md §6.3, §6.4). */
export function verifyWebhook(rawBody: Buffer, headers: HeaderBag, publicKey: KeyObject): WebhookVerification {
  const fluent = findHeader(headers, FLUENT_SIGNATURE_HEADER_NAMES);
  const flex = findHeader(headers, FLEX_SIGNATURE_HEADER_NAMES);
  return {
    fluentSignature: fluent !== undefined && verifySignature(rawBody, fluent, publicKey, 'sha512'),
    flexSignature: flex === undefined ? null : verifySignature(rawBody, flex, publicKey, 'md5'),
  };
}

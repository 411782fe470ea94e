import { constants, sign, type KeyObject } from 'node:crypto';

// Header names on every webhook the platform sends (fluent-platform.md §6.3).
export const FLUENT_SIGNATURE_HEADER = 'fluent-signature';
export const FLEX_SIGNATURE_HEADER = 'flex.signature';

// A type alias (not an interface) so it stays assignable to plain header records.
export type WebhookSignatureHeaders = {
  [FLUENT_SIGNATURE_HEADER]: string;
  [FLEX_SIGNATURE_HEADER]: string;
};

/**
 * Signs a webhook body the way the platform does (fluent-platform.md §6.3, confirmed by the
 * signed sample in §6.4): RSASSA-PKCS1-v1_5 over the exact raw body bytes, base64-encoded;
 * SHA-512 for `fluent-signature`, MD5 for `flex.signature`.
 * The caller must send `rawBody` unchanged, since any re-serialisation breaks both signatures.
 */
export function signBody(rawBody: Buffer, privateKey: KeyObject): WebhookSignatureHeaders {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error('signBody needs an RSA private key');
  }
  const key = { key: privateKey, padding: constants.RSA_PKCS1_PADDING };
  return {
    [FLUENT_SIGNATURE_HEADER]: sign('sha512', rawBody, key).toString('base64'),
    [FLEX_SIGNATURE_HEADER]: sign('md5', rawBody, key).toString('base64'),
  };
}

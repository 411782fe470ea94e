/**
 * Webhook signatures, the one place they are made. Signs a body the way the platform does
 * (fluent-platform.md §6.3, confirmed by the signed sample in §6.4): RSASSA-PKCS1-v1_5 over the
 * exact raw body bytes, base64-encoded; SHA-512 for `fluent-signature`, MD5 for `flex.signature`.
 * The caller must send `rawBody` unchanged, since any re-serialisation breaks both signatures.
 */
import { constants, sign, type KeyObject } from 'node:crypto';

// Header names on every webhook the platform sends (fluent-platform.md §6.3).
export const FLUENT_SIGNATURE_HEADER = 'fluent-signature';
export const FLEX_SIGNATURE_HEADER = 'flex.signature';

// A type alias (not an interface) so it stays assignable to plain header records.
export type WebhookSignatureHeaders = {
  [FLUENT_SIGNATURE_HEADER]: string;
  [FLEX_SIGNATURE_HEADER]: string;
};

type SigningKey = { key: KeyObject; padding: number };

function signingKey(privateKey: KeyObject, usedBy: string): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'rsa') throw new Error(`${usedBy} needs an RSA private key`);
  return { key: privateKey, padding: constants.RSA_PKCS1_PADDING };
}

const headers = (fluent: string, flex: string): WebhookSignatureHeaders => ({ [FLUENT_SIGNATURE_HEADER]: fluent, [FLEX_SIGNATURE_HEADER]: flex });

export function signBody(rawBody: Buffer, privateKey: KeyObject): WebhookSignatureHeaders {
  const key = signingKey(privateKey, 'signBody');
  return headers(sign('sha512', rawBody, key).toString('base64'), sign('md5', rawBody, key).toString('base64'));
}

/**
 * `signBody` computed on libuv's thread pool instead of the event loop: the same signatures over
 * the same bytes (the scheme is deterministic, so the results are identical; a test holds them
 * equal). Two RSA signatures cost CPU on every webhook, which would otherwise block the engine
 * and the HTTP server during a burst.
 */
export async function signBodyAsync(rawBody: Buffer, privateKey: KeyObject): Promise<WebhookSignatureHeaders> {
  const key = signingKey(privateKey, 'signBodyAsync');
  const signWith = (algorithm: 'sha512' | 'md5'): Promise<string> =>
    new Promise((resolve, reject) => {
      sign(algorithm, rawBody, key, (error, signature) => (error ? reject(error) : resolve(signature.toString('base64'))));
    });
  const [fluent, flex] = await Promise.all([signWith('sha512'), signWith('md5')]);
  return headers(fluent, flex);
}

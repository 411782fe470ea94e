import { createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface WebhookKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM ("BEGIN PUBLIC KEY"). */
  publicKeyPem: string;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
  privateKeyPem: string;
}

export interface LoadOrCreateKeyPairOptions {
  /** Private key PEM supplied by the user (PKCS#8; PKCS#1 "RSA PRIVATE KEY" is accepted too). */
  pem?: string;
  /** A key pair persisted by an earlier run. */
  existing?: { privateKeyPem: string };
}

// The simulator signs webhooks with its own RSA key pair and publishes the public half; the
// platform's real keys are per environment and not available to us (fluent-platform.md §6.5).
/**
 * 1024 bits, like the key behind Fluent's published signed sample (fluent-platform.md §6.3/§6.4:
 * 128-byte signatures, 172 base64 characters), and quick to generate at start-up.
 */
const GENERATED_MODULUS_BITS = 1024;

function toKeyPair(privateKey: KeyObject): WebhookKeyPair {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function parsePrivateKeyPem(pem: string, source: string): KeyObject {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN')) {
    throw new Error(`Invalid webhook signing key (${source}): expected PEM text with a "-----BEGIN ... PRIVATE KEY-----" header`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid webhook signing key (${source}): not a readable unencrypted private key PEM (${reason})`);
  }
  // Signatures are RSASSA-PKCS1-v1_5 (fluent-platform.md §6.3), so only RSA keys make sense.
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`Invalid webhook signing key (${source}): expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/**
 * Returns the webhook signing key pair. An explicit `pem` wins over a persisted `existing`
 * pair; with neither, a fresh RSA pair of GENERATED_MODULUS_BITS (1024) bits, e = 65537, is generated.
 */
export function loadOrCreateKeyPair(options: LoadOrCreateKeyPairOptions = {}): WebhookKeyPair {
  if (options.pem !== undefined) return toKeyPair(parsePrivateKeyPem(options.pem, 'pem option'));
  if (options.existing !== undefined) {
    return toKeyPair(parsePrivateKeyPem(options.existing.privateKeyPem, 'stored key pair'));
  }
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: GENERATED_MODULUS_BITS,
    publicExponent: 0x10001,
  });
  return toKeyPair(privateKey);
}

/**
 * `loadOrCreateKeyPair` with a new key generated on libuv's thread pool instead of the main
 * thread, so start-up builds the schema meanwhile (issue 17).
 */
export async function loadOrCreateKeyPairAsync(options: LoadOrCreateKeyPairOptions = {}): Promise<WebhookKeyPair> {
  if (options.pem !== undefined || options.existing !== undefined) return loadOrCreateKeyPair(options);
  const privateKey = await new Promise<KeyObject>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: GENERATED_MODULUS_BITS, publicExponent: 0x10001 }, (error, _publicKey, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return toKeyPair(privateKey);
}

/**
 * Reads a public key given as base64 of an X.509 SubjectPublicKeyInfo (DER), the form Fluent
 * publishes (fluent-platform.md §6.4, §6.5). Whitespace and PEM armour lines are tolerated.
 */
export function publicKeyFromBase64Spki(b64: string): KeyObject {
  const compact = String(b64)
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
    .replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new Error('Invalid webhook public key: expected base64 of an X.509 SubjectPublicKeyInfo');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(compact, 'base64'), format: 'der', type: 'spki' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid webhook public key: not a DER SubjectPublicKeyInfo (${reason})`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`Invalid webhook public key: expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/** The inverse of publicKeyFromBase64Spki: the base64 SPKI form receivers configure. */
export function publicKeyToBase64Spki(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

// The real signed webhook from fluentintegrations/flintx-config (fluent-platform.md §6.4).
// A round trip cannot catch a wrong algorithm used on both sides; this vector can.
import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFromBase64Spki } from '../../server/webhooks/keys.js';
import { toWebhookBody, type WebhookEvent } from '../../server/webhooks/payload.js';
import { verifySignature, verifyWebhook } from '../../server/webhooks/verify.js';
import {
  FLINTX_FAIL_BODY,
  FLINTX_FLEX_SIGNATURE,
  FLINTX_FLUENT_SIGNATURE,
  FLINTX_OK_BODY,
  FLINTX_PUBLIC_KEY_B64,
} from '../fixtures/flintx-webhook-sample.js';

const ok = Buffer.from(FLINTX_OK_BODY, 'utf8');
const fail = Buffer.from(FLINTX_FAIL_BODY, 'utf8');
const key = publicKeyFromBase64Spki(FLINTX_PUBLIC_KEY_B64);
const headers = {
  'content-type': 'application/json',
  'flex.signature': FLINTX_FLEX_SIGNATURE,
  'fluent-signature': FLINTX_FLUENT_SIGNATURE,
};

describe('flintx-config signed webhook sample', () => {
  it('loads the published key: RSA 1024-bit, e = 65537, signatures of 172 chars', () => {
    expect(key.asymmetricKeyDetails).toEqual({ modulusLength: 1024, publicExponent: 65537n });
    expect(FLINTX_FLUENT_SIGNATURE).toHaveLength(172);
    expect(FLINTX_FLEX_SIGNATURE).toHaveLength(172);
  });

  it('verifies the OK body for both headers with node:crypto directly (§6.4 steps 1-3)', () => {
    expect(verify('sha512', ok, key, Buffer.from(FLINTX_FLUENT_SIGNATURE, 'base64'))).toBe(true);
    expect(verify('md5', ok, key, Buffer.from(FLINTX_FLEX_SIGNATURE, 'base64'))).toBe(true);
  });

  it('verifies the signed sample from flintx-config with verify.ts', () => {
    expect(verifySignature(ok, FLINTX_FLUENT_SIGNATURE, key, 'sha512')).toBe(true);
    expect(verifySignature(ok, FLINTX_FLEX_SIGNATURE, key, 'md5')).toBe(true);
    expect(verifyWebhook(ok, headers, key)).toEqual({ fluentSignature: true, flexSignature: true });
  });

  it('rejects the FAIL body ("id":"") for both headers (§6.4 step 4)', () => {
    expect(verify('sha512', fail, key, Buffer.from(FLINTX_FLUENT_SIGNATURE, 'base64'))).toBe(false);
    expect(verify('md5', fail, key, Buffer.from(FLINTX_FLEX_SIGNATURE, 'base64'))).toBe(false);
    expect(verifyWebhook(fail, headers, key)).toEqual({ fluentSignature: false, flexSignature: false });
  });

  it('rejects the OK body once re-serialised with whitespace: signatures cover raw bytes', () => {
    const pretty = Buffer.from(JSON.stringify(JSON.parse(FLINTX_OK_BODY), null, 2));
    expect(verifyWebhook(pretty, headers, key)).toEqual({ fluentSignature: false, flexSignature: false });
  });
});

describe('toWebhookBody against the real sample (§6.2)', () => {
  const event = JSON.parse(FLINTX_OK_BODY) as WebhookEvent;

  it('reproduces the signed body byte for byte, so the real signatures verify over our output', () => {
    const bytes = toWebhookBody(event);
    expect(bytes.equals(ok)).toBe(true);
    expect(verifyWebhook(bytes, headers, key)).toEqual({ fluentSignature: true, flexSignature: true });
  });

  it('fills meta, trailLogs and errorLogs with the values seen on the wire when omitted', () => {
    const { meta: _meta, trailLogs: _t, errorLogs: _e, ...bare } = event;
    expect(toWebhookBody(bare).equals(ok)).toBe(true);
  });

  it('keeps the platform key order whatever order the caller uses, and drops unknown keys', () => {
    const shuffled = Object.fromEntries(Object.entries(event).reverse()) as unknown as WebhookEvent;
    const withExtra = { ...shuffled, internalNote: 'x' } as WebhookEvent;
    expect(toWebhookBody(withExtra).toString()).toBe(FLINTX_OK_BODY);
  });

  it('places entitySubtype right after entityStatus when the entity has one', () => {
    const keys = Object.keys(JSON.parse(toWebhookBody({ ...event, entitySubtype: 'HD' }).toString()) as object);
    expect(keys).toEqual([
      'id', 'name', 'accountId', 'retailerId', 'entityId', 'entityRef', 'entityType', 'entityStatus',
      'entitySubtype', 'type', 'attributes', 'meta', 'trailLogs', 'errorLogs',
      'rootEntityId', 'rootEntityType', 'rootEntityRef',
    ]);
  });
});

import { strToU8, zipSync } from 'fflate';
import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PLUGIN_BYTES } from '../../server/http/routes/plugin-routes.js';
import { ACME_JAR } from '../support/plugin-jar.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/orchestration/rest/v1/plugin';

describe('Plugin API', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = `bearer ${await t.token()}`;
  });

  const upload = (bytes: Uint8Array, name = 'acme-custom-1.2.0.jar') =>
    request(t.app).post(`${BASE}/upload`).set('Authorization', auth).set('fluent.account', 'LOCAL').attach('file', Buffer.from(bytes), name);

  it('uploads a JAR, installs it and reports it ACTIVE, as a deploy script polls for', async () => {
    const uploaded = await upload(ACME_JAR);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toEqual({
      bundleName: 'ACME.custom::1.2.0',
      bundleVersion: '1.2.0',
      bundleStatus: 'UPLOADED',
      rules: ['ACME.custom.CaptureOrderActivity', 'ACME.custom.CheckOrderStatusMatchesList'],
    });
    const before = await request(t.app).get(`${BASE}/ACME.custom::1.2.0/status`).set('Authorization', auth);
    expect(before.body).toEqual({ bundleName: 'ACME.custom::1.2.0', bundleVersion: '1.2.0', bundleStatus: 'UPLOADED' });

    const installed = await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({ accountId: 'LOCAL', bundleName: 'ACME.custom::1.2.0' });
    expect(installed.status).toBe(200);
    const status = await request(t.app).get(`${BASE}/ACME.custom::1.2.0/status`).set('Authorization', auth);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ bundleVersion: '1.2.0', bundleStatus: 'ACTIVE' });
  });

  it('lists the active rules keyed by their workflow names, in the documented entry shape', async () => {
    await upload(ACME_JAR);
    const listedBefore = await request(t.app).get(`${BASE}/`).set('Authorization', auth);
    expect(listedBefore.body['ACME.custom.CheckOrderStatusMatchesList']).toBeUndefined();
    expect(listedBefore.body['LOCAL.core.SetState']).toMatchObject({ name: 'SetState', ruleInfo: { name: 'SetState' } });

    await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({ accountId: 'LOCAL', bundleName: 'ACME.custom::1.2.0' });
    const listed = await request(t.app).get(BASE).set('Authorization', auth);
    expect(listed.body['ACME.custom.CheckOrderStatusMatchesList']).toEqual({
      name: 'CheckOrderStatusMatchesList',
      description: 'Sends {eventName} when the order status is in {statusList}, else {noMatchEventName}',
      parameters: [
        { name: 'statusList', description: 'Comma-separated statuses', type: 'STRING', multiple: false },
        { name: 'eventName', description: 'Event sent on a match', type: 'STRING', multiple: false },
        { name: 'noMatchEventName', description: 'Event sent otherwise', type: 'STRING', multiple: false },
      ],
      eventAttributes: [],
      ruleInfo: {
        name: 'CheckOrderStatusMatchesList',
        description: 'Sends {eventName} when the order status is in {statusList}, else {noMatchEventName}',
        accepts: [{ eventName: '', entityType: 'ORDER', entitySubtype: '', status: '' }],
        produces: [{ eventName: '{eventName}', entityType: 'ORDER', entitySubtype: '', status: '' }],
        ruleException: [],
      },
    });
    const sim = await request(t.app).get('/_sim/plugins');
    expect(sim.body.plugins).toEqual([
      expect.objectContaining({ bundleName: 'ACME.custom::1.2.0', status: 'ACTIVE', installedOn: '2026-01-15T09:00:00.000Z' }),
    ]);
  });

  it('makes a newer installed version the active one', async () => {
    await upload(ACME_JAR);
    await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({ bundleName: 'ACME.custom::1.2.0' });
    const next = zipSync({ 'META-INF/MANIFEST.MF': strToU8('Bundle-SymbolicName: ACME.custom\r\nBundle-Version: 1.3.0\r\n') });
    expect((await upload(next)).body.bundleName).toBe('ACME.custom::1.3.0');
    await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({ bundleName: 'ACME.custom::1.3.0' });
    const old = await request(t.app).get(`${BASE}/ACME.custom::1.2.0/status`).set('Authorization', auth);
    expect(old.body.bundleStatus).toBe('INACTIVE');
    const listed = await request(t.app).get(BASE).set('Authorization', auth);
    expect(listed.body['ACME.custom.CheckOrderStatusMatchesList']).toBeUndefined();
  });

  it('refuses bad uploads with 400 and the documented body, and stores nothing', async () => {
    const notZip = await upload(strToU8('not a jar'));
    expect(notZip.status).toBe(400);
    expect(notZip.body).toEqual({ message: '"tmpfile" is not a valid JAR file: the file is not a zip archive', status: 400 });
    const noManifest = await upload(zipSync({ 'a.class': strToU8('x') }));
    expect(noManifest.body).toEqual({ message: '"tmpfile" is not a valid JAR file: the JAR has no META-INF/MANIFEST.MF', status: 400 });
    const tooLarge = await upload(new Uint8Array(MAX_PLUGIN_BYTES + 1));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.message).toMatch(/larger than 50 MB/);
    const noFile = await request(t.app).post(`${BASE}/upload`).set('Authorization', auth).field('other', 'x');
    expect(noFile.body).toEqual({ message: 'The multipart body has no field "file"', status: 400 });
    const json = await request(t.app).post(`${BASE}/upload`).set('Authorization', auth).send({ file: 'x' });
    expect(json.status).toBe(400);
    expect((await request(t.app).get('/_sim/plugins')).body.plugins).toEqual([]);
  });

  it('answers 404 for an unknown bundle, 400 for another account or no bundle name, and 401 without a token', async () => {
    const unknown = await request(t.app).get(`${BASE}/ACME.nothing::1.0/status`).set('Authorization', auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: 'No plugin bundle "ACME.nothing::1.0" has been uploaded to this account', status: 404 });
    await upload(ACME_JAR);
    const other = await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({ accountId: 'OTHER', bundleName: 'ACME.custom::1.2.0' });
    expect(other.status).toBe(400);
    expect((await request(t.app).post(`${BASE}/install`).set('Authorization', auth).send({})).body).toEqual({
      message: "'bundleName' is required",
      status: 400,
    });
    const anonymous = await request(t.app).get(BASE);
    expect(anonymous.status).toBe(401);
  });

  it('keeps plugins in snapshots and forgets them on reset', async () => {
    await upload(ACME_JAR);
    await request(t.app).post('/_sim/snapshots').send({ name: 'with-plugin' });
    await t.reset();
    expect((await request(t.app).get('/_sim/plugins')).body.plugins).toEqual([]);
    await request(t.app).post('/_sim/snapshots/with-plugin/restore');
    expect((await request(t.app).get('/_sim/plugins')).body.plugins).toHaveLength(1);
  });
});

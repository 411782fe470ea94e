import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createRetailer, userToken } from './support.js';

const run = promisify(execFile);

const workflow = (retailerId: string, name = 'RETURN_ORDER::EXCHANGE') => {
  const [entityType, entitySubtype] = name.split('::');
  return {
    retailerId,
    version: '1.0',
    entityType,
    entitySubtype,
    name,
    statuses: [{ name: 'CREATED', entityType, category: 'BOOKING' }],
    rulesets: [
      {
        name: 'CREATE',
        type: entityType,
        eventType: 'NORMAL',
        triggers: [{ status: 'CREATED' }],
        rules: [{ name: 'ACME.core.SetState', props: { status: 'BOOKED' } }],
      },
    ],
  };
};

describe('Workflow API: first deploy, listing, retailer scope', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => t.reset());

  it('a deploy script reading .version with jq on a first deploy gets null, then PUTs and reads 1.0', async () => {
    const server = await listen(t.app);
    try {
      // The GET-diff-PUT step of a real deploy script (real-world-usage.md "Deploy pipelines").
      const script = `
        set -euo pipefail
        TOKEN=$(curl -s -X POST "$URL/oauth/token?grant_type=password&scope=api&client_id=LOCAL&client_secret=local-secret&username=admin&password=password" | jq -r .access_token)
        CURRENT=$(curl -s "$URL/api/v4.1/workflow/1/RETURN_ORDER::EXCHANGE" -H "Authorization: Bearer $TOKEN")
        echo "before=$(echo "$CURRENT" | jq -r .version) rulesets=$(echo "$CURRENT" | jq -c .rulesets)"
        if [ "$(echo "$CURRENT" | jq -c .rulesets)" != "$(echo "$WORKFLOW" | jq -c .rulesets)" ]; then
          curl -s -X PUT "$URL/api/v4.1/workflow" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$WORKFLOW" | jq -r .entityId
        fi
        echo "after=$(curl -s "$URL/api/v4.1/workflow/1/RETURN_ORDER::EXCHANGE" -H "Authorization: Bearer $TOKEN" | jq -r .version)"
      `;
      const { stdout } = await run('bash', ['-c', script], { env: { ...process.env, URL: server.url, WORKFLOW: JSON.stringify(workflow('1')) } });
      expect(stdout.trim().split('\n')).toEqual(['before=null rulesets=null', '1-RETURN_ORDER::EXCHANGE::1.0', 'after=1.0']);
    } finally {
      await server.close();
    }
  });

  it('answers a first-deploy GET with 404 and the platform body, as JSON', async () => {
    const res = await request(t.app)
      .get('/api/v4.1/workflow/1/RETURN_ORDER::EXCHANGE')
      .set('Authorization', `Bearer ${await t.token()}`);
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/json');
    expect(res.body).toEqual({ errors: [{ code: '404', message: 'Unable to find Workflow' }] });
  });

  it('lists the workflows that apply to a retailer with their latest and every version', async () => {
    const auth = `Bearer ${await t.token()}`;
    await request(t.app).put('/api/v4.1/workflow').set('Authorization', auth).send(workflow('1')).expect(200);
    await request(t.app).put('/api/v4.1/workflow').set('Authorization', auth).send(workflow('1')).expect(200);
    const res = await request(t.app).get('/api/v4.1/workflow/1').set('Authorization', auth);
    expect(res.status).toBe(200);
    const names = (res.body as { name: string }[]).map((w) => w.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['ORDER::HD', 'ORDER::CC', 'LOCATION::STORE']));
    expect((res.body as { name: string }[]).find((w) => w.name === 'RETURN_ORDER::EXCHANGE')).toEqual({
      retailerId: '1',
      name: 'RETURN_ORDER::EXCHANGE',
      entityType: 'RETURN_ORDER',
      entitySubtype: 'EXCHANGE',
      version: '1.1',
      versions: ['1.0', '1.1'],
    });
  });

  it('refuses a user of retailer 2 reading or writing retailer 1 workflows (403), and changes nothing', async () => {
    const other = await createRetailer(t, 'second');
    const token = await userToken(t, 'r2-admin', { contextType: 'RETAILER', contextId: other }, other);
    const auth = `Bearer ${token}`;
    const forbidden = { errors: [{ code: '403', message: `User "r2-admin" has no role for retailer 1; its roles grant access to retailer ${other}` }] };
    const get = await request(t.app).get('/api/v4.1/workflow/1/ORDER::HD').set('Authorization', auth);
    expect([get.status, get.body]).toEqual([403, forbidden]);
    expect((await request(t.app).get('/api/v4.1/workflow/1/ORDER::HD/1.0').set('Authorization', auth)).status).toBe(403);
    expect((await request(t.app).get('/api/v4.1/workflow/1').set('Authorization', auth)).status).toBe(403);
    const put = await request(t.app).put('/api/v4.1/workflow').set('Authorization', auth).send(workflow('1'));
    expect([put.status, put.body]).toEqual([403, forbidden]);
    const admin = `Bearer ${await t.token()}`;
    expect((await request(t.app).get('/api/v4.1/workflow/1/RETURN_ORDER::EXCHANGE').set('Authorization', admin)).status).toBe(404);
    // Its own retailer is open to it.
    const own = await request(t.app).put('/api/v4.1/workflow').set('Authorization', auth).send(workflow(other));
    expect(own.body).toEqual({ entityId: `${other}-RETURN_ORDER::EXCHANGE::1.0`, eventStatus: 'COMPLETE' });
    expect((await request(t.app).get(`/api/v4.1/workflow/${other}/RETURN_ORDER::EXCHANGE`).set('Authorization', auth)).body.version).toBe('1.0');
    // The default user is the account's admin: its role has an ACCOUNT context.
    expect((await request(t.app).get(`/api/v4.1/workflow/${other}/RETURN_ORDER::EXCHANGE`).set('Authorization', admin)).body.version).toBe('1.0');
  });

  it('opens every retailer to a role with an ACCOUNT context; placeholders are not checked', async () => {
    const other = await createRetailer(t, 'second');
    const auth = `Bearer ${await userToken(t, 'acct-admin', { contextType: 'ACCOUNT', contextId: 'LOCAL' }, other)}`;
    expect((await request(t.app).put('/api/v4.1/workflow').set('Authorization', auth).send(workflow('1'))).status).toBe(200);
    expect((await request(t.app).get('/api/v4.1/workflow/1/RETURN_ORDER::EXCHANGE').set('Authorization', auth)).body.version).toBe('1.0');
    const admin = `Bearer ${await t.token()}`;
    const placeholder = await request(t.app).put('/api/v4.1/workflow').set('Authorization', admin).send(workflow('{{retailer_id}}', 'RETURN_ORDER::OTHER'));
    expect(placeholder.status).toBe(200);
  });
});

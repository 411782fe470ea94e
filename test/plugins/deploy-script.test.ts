import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_JAR } from '../support/plugin-jar.js';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A deploy pipeline as real ones are written (real-world-usage.md "Deploy pipelines"), doing
 * exactly their requests: a token by query string with the `fluent.account` header, plugin
 * upload, install, status polled until ACTIVE, then per workflow GET, compare the rulesets, and
 * PUT only when they differ. Run against `--unknown-rules error`, so the workflow loads only
 * because the plugin made its rules known names.
 */
const workflow = {
  retailerId: '1',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: 'MARKETPLACE',
  name: 'ORDER::MARKETPLACE',
  statuses: ['CREATED', 'BOOKED', 'ESCALATED'].map((name) => ({ name, entityType: 'ORDER', category: 'BOOKING' })),
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      subtype: 'MARKETPLACE',
      eventType: 'NORMAL',
      triggers: [{ status: 'CREATED' }],
      rules: [
        { name: '{{accountId}}.custom.CaptureOrderActivity', props: null },
        { name: 'ACME.custom.CheckOrderStatusMatchesList', props: { statusList: 'CREATED', eventName: 'Book', noMatchEventName: 'Escalate' } },
      ],
      userActions: [],
    },
    {
      name: 'Book',
      type: 'ORDER',
      subtype: 'MARKETPLACE',
      eventType: 'NORMAL',
      triggers: [{ status: 'CREATED' }],
      rules: [{ name: 'ACME.core.SetState', props: { status: 'BOOKED' } }],
      userActions: [],
    },
    {
      name: 'Escalate',
      type: 'ORDER',
      subtype: 'MARKETPLACE',
      eventType: 'NORMAL',
      triggers: [{ status: 'CREATED' }],
      rules: [{ name: 'ACME.core.SetState', props: { status: 'ESCALATED' } }],
      userActions: [],
    },
  ],
};

/** The pipeline, as a script would do it; returns what it did. */
async function deploy(base: string, jar: Uint8Array): Promise<string[]> {
  const did: string[] = [];
  const account = { 'fluent.account': 'LOCAL' };
  const query = new URLSearchParams({
    username: 'admin',
    password: 'password',
    client_id: 'LOCAL',
    client_secret: 'local-secret',
    grant_type: 'password',
    scope: 'api',
  });
  const token = ((await (await fetch(`${base}/oauth/token?${query}`, { method: 'POST', headers: account })).json()) as { access_token: string }).access_token;
  const auth = { ...account, Authorization: `bearer ${token}` };

  const form = new FormData();
  form.append('file', new Blob([Buffer.from(jar)]), 'acme-custom-1.2.0.jar');
  expect((await fetch(`${base}/orchestration/rest/v1/plugin/upload`, { method: 'POST', headers: auth, body: form })).status).toBe(200);
  const bundleName = 'ACME.custom::1.2.0';
  const install = await fetch(`${base}/orchestration/rest/v1/plugin/install`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: 'LOCAL', bundleName }),
  });
  expect(install.status).toBe(200);
  did.push('installed');
  for (let tries = 0; ; tries += 1) {
    const status = (await (await fetch(`${base}/orchestration/rest/v1/plugin/${bundleName}/status`, { headers: auth })).json()) as {
      bundleVersion: string;
      bundleStatus: string;
    };
    if (status.bundleStatus === 'ACTIVE' && status.bundleVersion === '1.2.0') break;
    if (tries > 5) throw new Error(`plugin never became ACTIVE: ${JSON.stringify(status)}`);
  }

  const current = (await (await fetch(`${base}/api/v4.1/workflow/1/ORDER::MARKETPLACE`, { headers: auth })).json()) as {
    version?: string | null;
    rulesets?: unknown;
  };
  const version = current.version ?? null; // jq '.version' on the answer
  if (JSON.stringify(current.rulesets ?? null) !== JSON.stringify(workflow.rulesets)) {
    const put = await fetch(`${base}/api/v4.1/workflow`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(workflow),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    did.push(`put over ${version}`);
  } else did.push(`unchanged at ${version}`);
  return did;
}

describe('a deploy pipeline against --unknown-rules error', () => {
  let t: TestApp;
  let server: Listening;
  beforeAll(async () => {
    t = await createTestApp({ unknownRules: 'error' });
    server = await listen(t.app);
  });
  afterAll(() => server.close());

  it('refuses the workflow until the plugin is installed', async () => {
    const put = await fetch(`${server.url}/api/v4.1/workflow`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await t.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify(workflow),
    });
    expect(put.status).toBe(400);
    expect(await put.text()).toContain('CheckOrderStatusMatchesList');
  });

  it('uploads, installs, polls, and PUTs on a first deploy; a second run changes nothing', async () => {
    expect(await deploy(server.url, ACME_JAR)).toEqual(['installed', 'put over null']);
    const again = await deploy(server.url, ACME_JAR);
    expect(again[1]).toMatch(/^unchanged at 1\.\d+$/);
  });

  it('runs plugin rules as no-ops that say so, and as their stub once one is posted', async () => {
    const create = async (ref: string): Promise<string> => {
      const res = await t.gql<{ createOrder: { status: string } }>('mutation($input: CreateOrderInput) { createOrder(input: $input) { status } }', {
        input: { ref, type: 'MARKETPLACE', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 1 }] },
      });
      expect(res.errors).toBeUndefined();
      const read = await t.gql<{ order: { status: string } }>('query($ref: String!) { order(ref: $ref) { status } }', { ref });
      return read.data.order.status;
    };
    // No stub: the plugin's branch rule sends nothing, so the order stays CREATED; its audit says why.
    expect(await create('MP-1')).toBe('CREATED');
    const audits = await fetch(`${server.url}/api/v4.1/event?context.rootEntityRef=MP-1&eventType=ORCHESTRATION_AUDIT&count=100`, {
      headers: { authorization: `Bearer ${await t.token()}` },
    });
    const names = ((await audits.json()) as { results: { name: string; attributes?: { name: string; value: unknown }[] }[] }).results;
    const notRun = names.find((e) => e.name === 'custom.CheckOrderStatusMatchesList not executed');
    expect(notRun?.attributes).toEqual(expect.arrayContaining([{ name: 'plugin', type: 'STRING', value: 'ACME.custom::1.2.0' }]));

    const stubs = {
      rules: [
        {
          name: 'ACME.custom.CheckOrderStatusMatchesList',
          props: ['statusList', 'eventName', 'noMatchEventName'],
          do: [
            {
              branch: {
                if: { statusIn: '{{props.statusList}}' },
                then: [{ sendEvent: { name: '{{props.eventName}}' } }],
                else: [{ sendEvent: { name: '{{props.noMatchEventName}}' } }],
              },
            },
          ],
        },
      ],
    };
    const posted = await fetch(`${server.url}/_sim/rule-stubs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stubs),
    });
    expect(posted.status, await posted.clone().text()).toBe(200);
    expect(await create('MP-2')).toBe('BOOKED');
  });
});

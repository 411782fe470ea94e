/**
 * The web console (docs/console.md) in Debian's Chromium through playwright-core: pages built from
 * a live in-process simulator on port 0, driven as a user would (links, forms, buttons, keyboard),
 * with axe-core checking each main page. Also writes the screenshots docs/console.md shows.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { hdChoice } from '../support/delivery-address.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = new URL('../../docs/', import.meta.url).pathname;
/** The page polls every 1.5 s; a change shows within two polls. */
const WAIT = { timeout: 5_000, interval: 100 };

let t: TestApp;
let server: Listening;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  t = await createTestApp();
  server = await listen(t.app);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await t.reset();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(5_000);
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return () => page.close();
});

async function createOrder(ref: string): Promise<string> {
  const { data } = await t.gql<{ createOrder: { id: string } }>('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'HD',
      retailer: { id: '1' },
      customer: { id: '1' },
      fulfilmentChoice: hdChoice(ref),
      items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 1 }],
    },
  });
  await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
  return data.createOrder.id;
}

/** axe-core's WCAG 2 A/AA rules on the current page: labels, contrast, names, landmarks. */
async function accessibilityViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the console', () => {
  it('lists orders, opens one and shows its timeline with rulesets and status changes', async () => {
    await createOrder('BR-1');
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Console' }).click();
    await page.getByRole('link', { name: 'BR-1' }).click();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('ORDER BR-1');
    expect(await page.locator('dl.fields').textContent()).toContain('BOOKED');
    expect(await page.getByRole('table', { name: 'Fulfilments' }).textContent()).toContain('AWAITING_WAVE');
    expect(await accessibilityViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}console-order.png`, fullPage: true });

    await page.getByRole('link', { name: /Timeline/ }).click();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Timeline of ORDER BR-1');
    const timeline = page.locator('.timeline');
    await expect.poll(() => timeline.textContent(), WAIT).toContain('Ruleset CREATE');
    const text = (await timeline.textContent())!;
    // workflow-contracts.md §5.2: CREATE receives the order, ProcessOrder books it.
    expect(text).toContain('ORDER BR-1: CREATED → RECEIVED');
    expect(text).toContain('ORDER BR-1: RECEIVED → BOOKED');
    expect(text).toMatch(/Ruleset CreateFulfilment/);
    expect(await accessibilityViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}console-timeline.png`, fullPage: true });

    await page.getByRole('link', { name: 'Back to the order' }).click();
    await page.getByRole('link', { name: 'Workflow diagram' }).click();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Workflow ORDER::HD v1.0');
    const current = page.locator('svg.diagram g.node.current');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('ORDER BOOKED');
    expect(await page.locator('svg.diagram g.node.ruleset').filter({ hasText: 'CreateFulfilment' }).count()).toBeGreaterThan(0);
    expect(await page.locator('svg.diagram polyline.edge').count()).toBeGreaterThan(10);
    expect(await accessibilityViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}console-workflow.png`, fullPage: true });
  });

  it('lists every entity type through GraphQL, searches by ref, opens by id and offers the tenants', async () => {
    const id = await createOrder('BR-0');
    await page.goto(`${server.url}/console/`);
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Orders');
    await page.getByLabel('Open by id').fill(id);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('ORDER BR-0');
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Orders');
    const select = page.getByLabel('Type');
    for (const label of ['Fulfilments', 'Locations', 'Products (variant)', 'Products (standard)', 'Inventory positions', 'Customers']) {
      await page.getByLabel('Type').selectOption({ label });
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe(label);
      expect(await page.locator('#status').textContent()).toBe('');
      expect(await page.locator('main table, main p').count()).toBeGreaterThan(0);
    }
    await select.selectOption({ label: 'Products (variant)' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Products (variant)');
    const first = (await page.locator('main tbody tr td').first().textContent())!;
    await page.getByLabel('Ref').fill(first);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('main tbody tr').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('main tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining([first]));
    expect(new Set(await page.locator('main tbody tr td:first-child').allTextContents())).toEqual(new Set([first]));

    await t.sim.createAccount({ id: 'ACME', clientId: 'ACME', clientSecret: 's', username: 'admin', password: 'p', retailerId: '1', seed: 'none' });
    await page.reload();
    await expect.poll(() => page.getByLabel('Account').locator('option').allTextContents(), WAIT).toEqual(['LOCAL (default)', 'ACME']);
    await page.getByLabel('Account').selectOption('ACME');
    await expect.poll(() => page.locator('main').textContent(), WAIT).toContain('Nothing found.');
  });

  it('highlights a NO_MATCH event with the reason from its trace', async () => {
    await createOrder('BR-2');
    const fulfilment = (
      await t.gql<{ order: { fulfilments: { edges: { node: { id: string } }[] } } }>('{ order(ref: "BR-2") { fulfilments { edges { node { id } } } } }')
    ).data.order.fulfilments.edges[0]!.node.id;
    await page.goto(`${server.url}/console/#/entity/FULFILMENT/${fulfilment}?ref=BR-2-F1`);
    const form = page.locator('form.send-event');
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('FULFILMENT BR-2-F1');
    await form.getByLabel('name', { exact: true }).fill('ConfirmShip');
    await form.getByRole('button', { name: 'Send event' }).click();
    await expect.poll(() => form.locator('output').textContent(), WAIT).toContain('NO_MATCH');
    await page.getByRole('link', { name: /Timeline/ }).click();
    const bad = page.locator('.event.bad');
    await expect.poll(() => bad.count(), WAIT).toBe(1);
    expect(await bad.textContent()).toMatch(/ConfirmShip.*No match: /s);

    // The account's event feed shows it too, highlighted, linked to the order's timeline.
    await page.getByRole('link', { name: 'Events' }).click();
    // (Creating the order also reserves inventory: other rows may be NO_MATCH too.)
    const row = page.locator('tr.bad', { hasText: 'ConfirmShip' });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.textContent()).toMatch(/ConfirmShip.*NO_MATCH.*FULFILMENT BR-2-F1.*ORDER BR-2/);
    expect(await accessibilityViolations()).toEqual([]);
    await row.getByRole('link', { name: 'ORDER BR-2' }).click();

    // Live: an event sent by a test while the page is open appears without a reload.
    const sent = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({ name: 'ConfirmPick', retailerId: 1, entityType: 'FULFILMENT', entityId: fulfilment, rootEntityType: 'ORDER', rootEntityRef: 'BR-2' });
    expect(sent.body.eventStatus).toBe('NO_MATCH');
    await expect.poll(() => bad.count(), WAIT).toBe(2);
  });

  it('advances the virtual clock from the page, and a scheduled event fires', async () => {
    const id = await createOrder('BR-3');
    await page.goto(`${server.url}/console/#/entity/ORDER/${id}?ref=BR-3`);
    const form = page.locator('form.send-event');
    await form.getByLabel('name', { exact: true }).fill('CancelOrder');
    await form.getByLabel('scheduledOn').fill('2026-01-15T10:00:00.000Z');
    await form.getByRole('button', { name: 'Send event' }).click();
    await expect.poll(() => form.locator('output').textContent(), WAIT).toContain('SCHEDULED');

    await page.getByRole('link', { name: 'Controls' }).click();
    await page.getByLabel(/Advance by/).fill('PT2H');
    await page.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent(), WAIT).toBe('2026-01-15T11:00:00.000Z');
    expect(await accessibilityViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}console-controls.png`, fullPage: true });

    await page.goto(`${server.url}/console/#/timeline/ORDER/${id}?ref=BR-3`);
    await expect.poll(() => page.locator('.timeline').textContent(), WAIT).toContain('ORDER BR-3: BOOKED → CANCELLED');
  });

  it('shows retries as the clock advances, replays every failed webhook and one, and shows the attempts', async () => {
    const receiver: WebhookReceiver = await startWebhookReceiver({ failTimes: 4 });
    try {
      const webhooks = t.sim.accounts.get('LOCAL')!.webhooks!;
      webhooks.enqueue({
        name: 'OrderStatus',
        url: receiver.url,
        accountId: 'LOCAL',
        retailerId: '1',
        sourceEventId: 'source-1',
        event: {
          id: 'w-1',
          name: 'OrderStatus',
          accountId: 'LOCAL',
          retailerId: '1',
          entityId: '1',
          entityRef: 'WH-1',
          entityType: 'ORDER',
          entityStatus: 'BOOKED',
          type: 'NORMAL',
          attributes: {},
          rootEntityId: '1',
          rootEntityType: 'ORDER',
          rootEntityRef: 'WH-1',
        },
      });
      await webhooks.drain();
      await page.goto(`${server.url}/console/#/webhooks`);
      const deliveries = page.locator('.delivery');
      await expect.poll(() => deliveries.first().textContent(), WAIT).toMatch(/PENDING.*1 attempt\(s\).*next retry 2026-01-15 09:00:02.*FAILED500/s);

      // The default schedule retries 2, 4 and 8 s after each failure; each retry is scheduled once
      // the attempt before it has failed, so each advance of the clock runs one.
      await page.getByRole('link', { name: 'Controls' }).click();
      for (const [i, now] of ['09:01:00', '09:02:00', '09:03:00'].entries()) {
        await page.getByLabel(/Advance by/).fill('PT1M');
        await page.getByRole('button', { name: 'Advance' }).click();
        await expect.poll(() => page.locator('#clock-now').textContent(), WAIT).toBe(`2026-01-15T${now}.000Z`);
        await expect.poll(() => receiver.requests.length, WAIT).toBe(i + 2);
      }
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await expect.poll(() => deliveries.first().textContent(), WAIT).toMatch(/FAILED.*4 attempt\(s\)/s);
      expect(await deliveries.first().locator('tbody tr').count()).toBe(4);

      await page.getByRole('button', { name: 'Replay all failed' }).click();
      await expect.poll(() => deliveries.count(), WAIT).toBe(2);
      await expect.poll(() => deliveries.first().textContent(), WAIT).toMatch(/DELIVERED.*replay of.*SUCCESS200/s);
      await deliveries
        .nth(1)
        .getByRole('button', { name: /Replay OrderStatus/ })
        .click();
      await expect.poll(() => deliveries.count(), WAIT).toBe(3);
      await expect.poll(() => deliveries.first().textContent(), WAIT).toMatch(/DELIVERED/);
      expect(receiver.requests).toHaveLength(6);
      expect(await accessibilityViolations()).toEqual([]);
      await page.screenshot({ path: `${SHOTS}console-webhooks.png`, fullPage: true });
    } finally {
      await receiver.close();
    }
  });

  it('asks for the control token when the control plane needs one, then works with it', async () => {
    const closed = await createTestApp({ controlToken: 'a-control-token-of-16+' });
    const closedServer = await listen(closed.app);
    try {
      await page.goto(`${closedServer.url}/console/`);
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Control token needed');
      expect(await accessibilityViolations()).toEqual([]);
      await page.getByLabel('Control token').fill('a-control-token-of-16+');
      await page.getByRole('button', { name: 'Open the console' }).click();
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Orders');
      expect(await page.locator('#status').textContent()).toBe('');
    } finally {
      await closedServer.close();
    }
  });

  it('is usable from the keyboard: Tab reaches the sections, Enter opens one', async () => {
    await page.goto(`${server.url}/console/`);
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Orders');
    const reached: string[] = [];
    for (let i = 0; i < 6 && !reached.includes('Webhooks'); i += 1) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '');
    }
    expect(reached).toContain('Webhooks');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Webhooks');
    expect(await accessibilityViolations()).toEqual([]);
  });
});

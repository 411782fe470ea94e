import { describe, expect, it } from 'vitest';
import type { Setting } from '../../../server/orchestration/port.js';
import { sendWebhook } from '../../../server/orchestration/rules/send-webhook.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1', retailerId: '2' });
const setting = (over: Partial<Setting>): Setting => ({
  name: 'webhook.order.status',
  value: null,
  lobValue: null,
  context: 'ACCOUNT',
  contextId: 0,
  ...over,
});
const key = { entityType: 'ORDER', id: 'o1', ref: 'HD-1' };

describe('core.SendWebhook', () => {
  it.each([
    {
      title: 'a JSON lobValue at ACCOUNT context',
      settings: [setting({ lobValue: { name: 'OrderStatus', url: 'https://hooks.example/a' } })],
      url: 'https://hooks.example/a',
    },
    {
      title: 'JSON text in value',
      settings: [setting({ value: '{"name":"OrderStatus","url":"https://hooks.example/b"}' })],
      url: 'https://hooks.example/b',
    },
    {
      title: 'the RETAILER setting before the ACCOUNT one',
      settings: [
        setting({ lobValue: { name: 'OrderStatus', url: 'https://hooks.example/account' } }),
        setting({ context: 'RETAILER', contextId: 2, lobValue: { name: 'OrderStatus', url: 'https://hooks.example/retailer' } }),
      ],
      url: 'https://hooks.example/retailer',
    },
  ])('posts to the url of $title', ({ settings, url }) => {
    const event = eventOn(order, 'CREATE', { source: 'test' });
    const effects = sendWebhook.run(ruleInput(order, { setting: 'webhook.order.status' }, { event, data: { settings } }));
    expect(effects).toEqual([{ type: 'webhook', name: 'OrderStatus', url, target: key, attributes: { source: 'test' } }]);
  });

  it.each([
    { title: 'is missing', settings: [], reason: 'was not found at RETAILER or ACCOUNT context' },
    { title: 'is not JSON', settings: [setting({ value: 'https://hooks.example' })], reason: 'its value is not JSON' },
    {
      title: 'has no url',
      settings: [setting({ lobValue: { name: 'OrderStatus' } })],
      reason: 'its value is not an object with string "name" and "url"',
    },
  ])('leaves a CUSTOM audit instead when the setting $title', ({ settings, reason }) => {
    const effects = sendWebhook.run(ruleInput(order, { setting: 'webhook.order.status' }, { data: { settings } }));
    expect(effects).toEqual([
      {
        type: 'audit',
        category: 'CUSTOM',
        name: `Webhook not sent: setting "webhook.order.status" ${reason}`,
        attributes: [
          { name: 'setting', type: 'STRING', value: 'webhook.order.status' },
          { name: 'reason', type: 'STRING', value: reason },
        ],
      },
    ]);
  });

  it.each([{ props: {} }, { props: { setting: '' } }, { props: { webhook_url: 'https://x' } }])('rejects props $props', ({ props }) => {
    expect(sendWebhook.props.safeParse(props).success).toBe(false);
  });
});

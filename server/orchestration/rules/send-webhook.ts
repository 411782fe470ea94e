/**
 * `core.SendWebhook`: posts the current event to an external endpoint named by a JSON setting.
 *
 * The prop `setting` names a setting whose JSON value is `{ "name": "<webhook event name>",
 * "url": "<endpoint>" }`, looked up at RETAILER then ACCOUNT context. "This Rule will either
 * produce a WebhookAction, or a custom Audit Event if it cannot load the given Setting."
 * https://docs.fluentcommerce.com/building-blocks/sendwebhook (fluent-platform.md §5.4, §5.5).
 * Signing, the payload shape (§6.2) and retries belong to the webhook layer, not to this rule.
 */
import { z } from 'zod';
import type { Effect, Setting } from '../port.js';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';

const webhookTarget = z.object({ name: z.string().min(1), url: z.string().min(1) });

/** The setting's JSON value: `lobValue` (LOB/JSON settings) or `value` holding JSON text. */
function readTarget(setting: Setting): z.infer<typeof webhookTarget> | string {
  let raw: unknown = setting.lobValue ?? setting.value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return 'its value is not JSON';
    }
  }
  const parsed = webhookTarget.safeParse(raw);
  return parsed.success ? parsed.data : 'its value is not an object with string "name" and "url"';
}

const skipped = (settingName: string, reason: string): Effect => ({
  type: 'audit',
  category: 'CUSTOM',
  name: `Webhook not sent: setting "${settingName}" ${reason}`,
  attributes: [
    { name: 'setting', type: 'STRING', value: settingName },
    { name: 'reason', type: 'STRING', value: reason },
  ],
});

export const sendWebhook = defineRule({
  name: 'core.SendWebhook',
  description: 'Posts the event to the {name, url} held in the JSON setting props.setting; audits when the setting is missing.',
  props: z.object({ setting: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    const setting = read.setting(props.setting, entity.retailerId ?? event.retailerId);
    if (setting === undefined) {
      return [skipped(props.setting, 'was not found at RETAILER or ACCOUNT context')];
    }
    const target = readTarget(setting);
    if (typeof target === 'string') return [skipped(props.setting, target)];
    return [{ type: 'webhook', name: target.name, url: target.url, target: entityKey(entity), attributes: { ...event.attributes } }];
  },
});

import { describe, expect, it } from 'vitest';
import type { Setting } from '../../../server/orchestration/port.js';
import { scheduleFulfilmentExpiry as rule } from '../../../server/orchestration/rules/schedule-fulfilment-expiry.js';
import { fulfilment, hdOrder, NOW, ruleInput } from './fake-reader.js';
import { STORE, world } from './sourcing-world.js';

const setting = (context: string, contextId: number, value: string | null): Setting => ({
  name: 'PICK_N_PACK_TIME_LIMIT',
  value,
  lobValue: null,
  context,
  contextId,
});
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

describe('commonv2.ScheduleFulfilmentExpiry', () => {
  it.each([
    { title: "the location's setting", settings: [setting('LOCATION', 11, '90'), setting('RETAILER', 1, '30')], minutes: 90 },
    { title: "another location's setting: the retailer's", settings: [setting('LOCATION', 12, '90'), setting('RETAILER', 1, '30')], minutes: 30 },
    { title: 'the account setting', settings: [setting('ACCOUNT', 0, '15')], minutes: 15 },
    { title: 'no setting: no expiry', settings: [], minutes: undefined },
    { title: 'a setting that is not a number: no expiry', settings: [setting('LOCATION', 11, 'soon')], minutes: undefined },
  ])('expires after $title', ({ settings, minutes }) => {
    const data = { ...world({ fulfilments: [{ id: 'f1', status: 'AWAITING_WAVE', from: STORE, items: [['oi1', 2]] }] }), settings };
    const effects = rule.run(ruleInput(fulfilment('f1', 'AWAITING_WAVE'), rule.props.parse(undefined), { data }));
    if (minutes === undefined) {
      expect(effects).toEqual([]);
      return;
    }
    expect(effects).toMatchObject([
      { type: 'mutate', mutation: 'updateFulfilment', input: { id: 'f1', expiryTime: at(minutes) } },
      { type: 'sendEvent', event: { name: 'FulfilmentExpiry', entityType: 'FULFILMENT', entityId: 'f1', delayMs: minutes * 60_000 } },
    ]);
  });

  it('takes props.eventName, needs a FULFILMENT, and skips one without location', () => {
    const data = { ...world({ fulfilments: [{ id: 'f1', status: 'AWAITING_WAVE', items: [['oi1', 2]] }] }), settings: [setting('ACCOUNT', 0, '15')] };
    expect(rule.run(ruleInput(fulfilment('f1', 'AWAITING_WAVE'), rule.props.parse({ eventName: 'Expire' }), { data }))).toEqual([]);
    expect(rule.props.parse({ eventName: 'Expire' })).toEqual({ eventName: 'Expire' });
    expect(() => rule.run(ruleInput(hdOrder(), { eventName: 'X' }))).toThrow(/runs on FULFILMENT/);
  });
});

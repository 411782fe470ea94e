/**
 * The engine's entity views keep a record's expanded `fields` per record object; a linked record
 * written since (here the location's primary address) must show through, though the location
 * record itself did not change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../server/account.js';
import { isLinkRef } from '../../server/domain/store/store.js';
import { createDomainPort } from '../../server/orchestration/domain-port.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('entity view fields', () => {
  let t: TestApp;
  let account: Account;

  beforeAll(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get('LOCAL')!;
  });

  it('are kept while nothing they expand changes, and follow a linked record that was written', () => {
    const port = createDomainPort(account);
    const key = { entityType: 'LOCATION', ref: 'LOC_MEL_STORE' };
    const first = port.find(key)!.fields;
    expect(first['primaryAddress']).toMatchObject({ city: 'Melbourne' });
    expect(port.find(key)!.fields).toBe(first);

    const location = account.entities.findByKey(account.view, 'Location', { ref: 'LOC_MEL_STORE' })!;
    const address = location['primaryAddress'];
    if (!isLinkRef(address)) throw new Error('the seeded location links its primary address');
    account.entities.patch(address.__link, address.id, (record) => {
      record['city'] = 'Geelong';
    });
    expect(account.entities.findByKey(account.view, 'Location', { ref: 'LOC_MEL_STORE' })).toBe(location);
    expect(port.find(key)!.fields['primaryAddress']).toMatchObject({ city: 'Geelong' });
  });
});

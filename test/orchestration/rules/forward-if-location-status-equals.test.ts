import { describe, expect, it } from 'vitest';
import { forwardIfLocationStatusEquals as rule } from '../../../server/orchestration/rules/forward-if-location-status-equals.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { INVENTORY_CATALOGUE, location, position } from './inventory-fixtures.js';

const props = { eventName: 'DeactivatePosition', status: 'INACTIVE' };

describe('globalinventory.ForwardIfLocationStatusEquals (commongi)', () => {
  it.each([
    { locationStatus: 'INACTIVE', positionStatus: 'ACTIVE', sent: 1 },
    { locationStatus: 'INACTIVE', positionStatus: 'INACTIVE', sent: 0 },
    { locationStatus: 'ACTIVE', positionStatus: 'ACTIVE', sent: 0 },
    { locationStatus: 'ACTIVE', positionStatus: 'INACTIVE', sent: 0 },
    { locationStatus: undefined, positionStatus: 'ACTIVE', sent: 0 },
  ])('location $locationStatus, position $positionStatus → $sent event(s)', ({ locationStatus, positionStatus, sent }) => {
    const ip = position(positionStatus);
    const entities = [INVENTORY_CATALOGUE, ip, ...(locationStatus ? [location(locationStatus)] : [])];
    const effects = rule.run(ruleInput(ip, props, { event: eventOn(ip, 'CheckLocationStatusChange', { b: 2 }), data: { entities } }));
    expect(effects).toMatchObject(sent ? [{ event: { name: 'DeactivatePosition', entityType: 'INVENTORY_POSITION', attributes: { b: 2 } } }] : []);
  });

  it('runs on INVENTORY_POSITION only', () => {
    expect(() => rule.run(ruleInput(location('ACTIVE'), props))).toThrow(/runs on INVENTORY_POSITION/);
  });

  it.each([{}, { eventName: 'E' }, { status: 'ACTIVE' }, { eventName: '', status: 'ACTIVE' }])('refuses props %j', (bad) => {
    expect(rule.props.safeParse(bad).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { forwardIfIncomingAttributeEquals as rule } from '../../../server/orchestration/rules/forward-if-incoming-attribute-equals.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const product = entity({
  entityType: 'PRODUCT',
  id: 'p1',
  ref: 'SKU-1',
  subtype: 'VARIANT',
  root: { entityType: 'PRODUCT_CATALOGUE', id: 'c1', ref: 'MASTER:1' },
});

describe('commongi.ForwardIfIncomingAttributeEquals', () => {
  it.each([
    { attributes: { status: 'ACTIVE' }, sends: true },
    { attributes: { status: 'INACTIVE' }, sends: false },
    { attributes: {}, sends: false },
  ])('with event attributes $attributes forwards: $sends', ({ attributes, sends }) => {
    const props = rule.props.parse({ eventName: 'ActivateProduct', attributeKey: 'status', attributeValue: 'ACTIVE' });
    const effects = rule.run(ruleInput(product, props, { event: eventOn(product, 'CheckProductStatusChange', attributes) }));
    expect(effects).toEqual(
      sends
        ? [{ type: 'sendEvent', event: expect.objectContaining({ name: 'ActivateProduct', entityType: 'PRODUCT', rootEntityRef: 'MASTER:1', attributes }) }]
        : [],
    );
  });

  it.each([{ props: { eventName: 'E', attributeKey: 'k' } }, { props: { attributeKey: 'k', attributeValue: 'v' } }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { buildASTSchema, isInputObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_ADDRESS_FIELDS } from '../../server/domain/customer-address-fields.js';
import { packagePath } from '../../server/lib/package-path.js';

describe('CUSTOMER_ADDRESS_FIELDS', () => {
  const schema = buildASTSchema(parse(readFileSync(packagePath('schema/fluent.graphql'), 'utf8')), { assumeValidSDL: true });
  it.each([
    ['CreateCustomerAddressInput', 'ref'],
    ['UpdateCustomerAddressInput', 'id'],
    ['UpdateOrderBillingAddressInput', 'id'],
  ])('are the fields of %s but its key %s', (name, key) => {
    const input = schema.getType(name);
    if (!isInputObjectType(input)) throw new Error(`${name} is not an input type`);
    expect(Object.keys(input.getFields()).filter((f) => f !== key)).toEqual(CUSTOMER_ADDRESS_FIELDS);
  });
});

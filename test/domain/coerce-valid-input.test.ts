/**
 * The compiled coercion (`coerce-valid-input.ts`) must answer exactly as graphql-js's
 * `coerceInputValue` for every value it accepts, and give up on every value graphql-js refuses:
 * checked on every step of the built-in seed and of a generated profile, and on variants of each
 * (a field left out, set to null, to a value of another type, and a field the type lacks).
 */
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coerceValidInput, INVALID } from '../../server/domain/commands/coerce-valid-input.js';
import { mutationField } from '../../server/domain/commands/run-command.js';
import { loadSchema } from '../../server/graphql/schema.js';
import { packagePath } from '../../server/lib/package-path.js';
import { readSeedFile, type SeedStep } from '../../server/seed/load-seed.js';
import { generateProfile } from '../../server/seed/profiles/generate-profile.js';

const { model } = loadSchema();

/** graphql-js's answer: the coerced value, or the messages of its errors. */
function reference(value: unknown, type: GraphQLInputType): { value: unknown; errors: string[] } {
  const errors: string[] = [];
  const coerced = coerceInputValue(value, type, (_path, _invalid, error) => errors.push(error.message));
  return { value: coerced, errors };
}

/** The input itself, and per top-level field: without it, null, another type's value, plus an unknown field. */
function variants(input: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [input, { ...input, notAField: 1 }];
  for (const key of Object.keys(input)) {
    const { [key]: _dropped, ...without } = input;
    out.push(without, { ...input, [key]: null }, { ...input, [key]: typeof input[key] === 'string' ? { not: 'a string' } : 'not-the-type' });
    const nested = input[key];
    if (Array.isArray(nested) && nested.length > 0 && typeof nested[0] === 'object' && nested[0] !== null) {
      out.push({ ...input, [key]: [{ ...nested[0], notAField: true }, ...nested.slice(1)] }, { ...input, [key]: nested[0] });
    }
  }
  return out;
}

const steps: SeedStep[] = [...readSeedFile(packagePath('seeds/default.json')).steps, ...generateProfile('small', 1).steps];

describe('compiled input coercion', () => {
  it('agrees with graphql-js on every seed step and its variants', () => {
    let accepted = 0;
    let refused = 0;
    for (const step of steps) {
      const arg = mutationField(model, step.mutation).args.find((a) => a.name === 'input')!;
      for (const value of variants(step.input)) {
        const fast = coerceValidInput(value, arg.type);
        const expected = reference(value, arg.type);
        if (expected.errors.length > 0) {
          expect(fast, `${step.mutation} ${JSON.stringify(value)}: ${expected.errors.join('; ')}`).toBe(INVALID);
          refused += 1;
        } else {
          // Same values, same key order (the order graphql-js writes the fields in).
          expect(JSON.stringify(fast), `${step.mutation} ${JSON.stringify(value)}`).toBe(JSON.stringify(expected.value));
          expect(fast).toEqual(expected.value);
          accepted += 1;
        }
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('takes a single value as a list of one and null for a nullable field, as graphql-js does', () => {
    const input = mutationField(model, 'createOrder').args.find((a) => a.name === 'input')!.type;
    const order = {
      ref: 'O1',
      type: 'HD',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: { ref: 'I1', productRef: 'P1', quantity: 1 },
      totalPrice: null,
    };
    expect(coerceValidInput(order, input)).toEqual(reference(order, input).value);
    expect(coerceValidInput(order, input)).toMatchObject({ items: [{ ref: 'I1' }], totalPrice: null });
  });
});

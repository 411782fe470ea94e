/**
 * What every step of the profile generator shares: the one seeded Faker instance, the sizes, the
 * list of seed steps being built and small helpers. Steps draw from Faker in a fixed order, so
 * the same (profile, seed value) always gives the same output.
 */
import { Faker, base, en, en_AU } from '@faker-js/faker';
import type { SeedStep } from '../../load-seed.js';
import type { ProfileSizes } from '../profile-sizes.js';
import { CITIES, REFERENCE_DATE, type City } from './profile-data.js';

export type ProfileContext = {
  readonly faker: Faker;
  readonly sizes: ProfileSizes;
  readonly steps: SeedStep[];
  step(mutation: string, input: Record<string, unknown>, as?: string): void;
  money(value: number): number;
  /** A coordinate within `spread` degrees of `value`. */
  near(value: number, spread: number): number;
  /** Letters and digits only, lower case: for e-mail addresses and URL names. */
  slug(text: string): string;
  /** Upper case with `_` between words: for refs. */
  code(text: string): string;
  /** A city, weighted by population. */
  pickCity(): City;
  /** A value `draw` has not given before (numbered when Faker runs out of new ones). */
  unique(draw: () => string, seen: Set<string>): string;
};

export function createProfileContext(seedValue: number, sizes: ProfileSizes): ProfileContext {
  const faker = new Faker({ locale: [en_AU, en, base] });
  faker.seed(seedValue);
  faker.setDefaultRefDate(REFERENCE_DATE);
  const steps: SeedStep[] = [];
  return {
    faker,
    sizes,
    steps,
    step: (mutation, input, as) => void steps.push(as === undefined ? { mutation, input } : { mutation, input, as }),
    money: (value) => Math.round(value * 100) / 100,
    near: (value, spread) => faker.number.float({ min: value - spread, max: value + spread, fractionDigits: 4 }),
    slug: (text) =>
      text
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9]+/g, '')
        .toLowerCase(),
    code: (text) =>
      text
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    pickCity: () => faker.helpers.weightedArrayElement(CITIES.map((c) => ({ weight: c.weight, value: c }))),
    unique(draw, seen) {
      let value = draw();
      for (let attempt = 1; seen.has(value) && attempt < 25; attempt += 1) value = draw();
      if (seen.has(value)) value = `${value} ${seen.size + 1}`;
      seen.add(value);
      return value;
    },
  };
}

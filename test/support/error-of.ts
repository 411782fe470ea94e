import { SimError } from '../../server/domain/errors.js';

/** Runs `run` and returns the SimError it throws; fails the test if it throws nothing. */
export function errorOf(run: () => unknown): SimError {
  try {
    run();
  } catch (error) {
    if (error instanceof SimError) return error;
    throw error;
  }
  throw new Error('expected a SimError');
}

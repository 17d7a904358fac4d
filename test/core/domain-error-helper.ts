import { DomainError } from '../../src/core/errors.ts';

/** Runs fn and returns the DomainError it throws; fails the test if it throws nothing or something else. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

import type { z } from 'zod';
import { ApiError } from './client.ts';

export type FieldErrors = Readonly<Record<string, string>>;

/** The messages of a failed zod parse by field path: the same paths the API uses. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Field errors of a failed request; a refusal that names no field of the form stays a general message. */
export function fieldErrorsOfRequest(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors : {};
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.ts';

const nul = '\u0000';

/**
 * PostgreSQL text cannot hold NUL (U+0000): it refuses the whole statement (SQLSTATE 22021), which
 * would answer 500. No field has a use for it, so it is refused once for every route, before
 * validation and before an Idempotency-Key is claimed, naming where it was: `params.no`,
 * `query.search`, `lines.0.description`.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = pathOfNul(request.params, 'params') ?? pathOfNul(request.query, 'query') ?? pathOfNul(request.body, '');
    if (field !== undefined) {
      throw new DomainError('INVALID_INPUT', { detail: `${field} must not contain the NUL character (\\u0000).` }, field);
    }
  });
}

/**
 * The path of a string or key holding NUL, if any; iterative, so a deeply nested body cannot
 * overflow the stack, and named to ten levels at most.
 */
export function pathOfNul(value: unknown, root: string): string | undefined {
  const pending: [unknown, string, number][] = [[value, root, 0]];
  while (pending.length > 0) {
    const [current, path, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes(nul)) return path || 'body';
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = depth >= 10 ? path : path ? `${path}.${key}` : key;
        if (key.includes(nul)) return itemPath;
        pending.push([item, depth === 10 ? `${itemPath}.…` : itemPath, depth + 1]);
      }
    }
  }
  return undefined;
}

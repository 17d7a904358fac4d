import type { FastifyInstance } from 'fastify';
import { isIsoDate } from '../../core/dates/calendar-date.ts';
import { DomainError } from '../../core/errors.ts';
import { todayIsoDate } from '../shared/clock.ts';

declare module 'fastify' {
  interface FastifyRequest { workDate: string }
}

/**
 * Business Central's work date: the business date of the session, default for new documents and the
 * reference for expiry and credit checks. A client sets it per request with `X-Work-Date: YYYY-MM-DD`.
 */
export function registerWorkDate(app: FastifyInstance) {
  app.decorateRequest('workDate', '');
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-work-date'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value !== undefined && !isIsoDate(value)) {
      throw new DomainError('INVALID_INPUT', { detail: 'X-Work-Date must be a date in the form YYYY-MM-DD.' }, 'X-Work-Date');
    }
    request.workDate = value ?? todayIsoDate();
  });
}

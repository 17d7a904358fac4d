/**
 * Allowed posting dates (spec §6.1): [Allow Posting From, Allow Posting To] of the G/L setup, blank
 * bounds open. Every posting checks its date with this before it writes anything.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';

export interface AllowedPostingDates {
  allowPostingFrom: IsoDate | null;
  allowPostingTo: IsoDate | null;
}

export function assertPostingDateAllowed(postingDate: IsoDate, allowed: AllowedPostingDates, field = 'postingDate'): void {
  const { allowPostingFrom: from, allowPostingTo: to } = allowed;
  if ((from && compareDates(postingDate, from) < 0) || (to && compareDates(postingDate, to) > 0)) {
    throw new DomainError('POSTING_DATE_NOT_ALLOWED', { postingDate, from, to }, field);
  }
}

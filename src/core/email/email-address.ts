/**
 * Email addresses as users type them (spec §21.3): one or more addresses separated by ";" or ",".
 * The check is the practical one of the HTML email input (local@domain.tld, no spaces), not the
 * whole of RFC 5322: an address it accepts is one an SMTP server will take in RCPT TO.
 */
import { DomainError } from '../errors.ts';

const addressPattern = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && addressPattern.test(value);
}

/** The addresses of a list, trimmed, blanks dropped; no check. */
export function splitAddressList(list: string): string[] {
  return list.split(/[;,]/).map((part) => part.trim()).filter((part) => part !== '');
}

/** The first address of a list that is not valid, if any. */
export function invalidAddressIn(list: string): string | undefined {
  return splitAddressList(list).find((address) => !isEmailAddress(address));
}

/** Refuses a list with an invalid address (INVALID_EMAIL naming it and the field); answers the list normalized ("a@x; b@y"). */
export function checkAddressList(list: string, field: string): string {
  const invalid = invalidAddressIn(list);
  if (invalid !== undefined) throw new DomainError('INVALID_EMAIL', { address: invalid, field }, field);
  return splitAddressList(list).join('; ');
}

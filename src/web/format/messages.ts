/**
 * The API words a refusal in English with amounts and dates as it stores them ("5000.5",
 * "2026-03-02") and sends the values beside it (`params`, src/server/http/problem.ts). For the codes
 * listed here the web app words the message again from the same catalogue (src/core/errors.ts), with
 * the amounts and dates in the user's locale: nl-NL reads "5.000,50" and "02-03-2026". The words follow
 * the caption language (English from that catalogue, Dutch from the one below); the number and date
 * format follows the locale, so Dutch words may carry en-US numbers and the other way round.
 */
import { DomainError, type DomainErrorCode } from '../../core/errors.ts';
import { isDecimalString } from '../../core/money/decimal.ts';
import { creditWarningMessages } from '../../core/sales/customer-checks.ts';
import { formatDate } from './dates.ts';
import type { CaptionLanguage } from '../session/session-store.ts';
import type { SupportedLocale } from './locales.ts';
import { formatAmount, formatQuantity } from './numbers.ts';

export type MessageParams = Readonly<Record<string, string | number | boolean | null>>;

interface Formatted { amounts?: readonly string[]; percents?: readonly string[]; quantities?: readonly string[]; dates?: readonly string[] }

type LocalizedCode = Extract<DomainErrorCode,
  'INVOICE_DISCOUNT_TOO_LARGE' | 'INVOICE_DISCOUNT_NOT_ALLOWED' | 'LINE_DISCOUNT_OUT_OF_RANGE' | 'APPLIED_AMOUNT_TOO_LARGE' | 'QUOTE_EXPIRED' | 'EXCHANGE_RATE_MISSING'
  | 'NO_DATE_IN_PROMISING_WINDOW' | 'REQUESTED_DATE_FIXED_BY_PROMISED' | 'RESERVED_FOR_OTHER_DEMAND' | 'RESERVATION_NOT_POSSIBLE'
  | 'NOTHING_TO_RESERVE' | 'RESERVE_QUANTITY_INVALID' | 'QTY_TO_ASSEMBLE_TO_ORDER_INVALID' | 'QTY_TO_ASSEMBLE_OUT_OF_RANGE'
  | 'ASSEMBLE_TO_ORDER_NOT_ALLOWED' | 'ASSEMBLY_ORDER_LINKED' | 'ASSEMBLY_POSTING_NOT_READY'>;

/** Which parameters of a code are amounts, percentages or dates. */
const formattedParams: Readonly<Record<LocalizedCode, Formatted>> = {
  INVOICE_DISCOUNT_TOO_LARGE: { amounts: ['discountAmount', 'base'] },
  INVOICE_DISCOUNT_NOT_ALLOWED: { amounts: ['discountAmount'] },
  LINE_DISCOUNT_OUT_OF_RANGE: { amounts: ['grossAmount'], percents: ['lineDiscountPercent'] },
  APPLIED_AMOUNT_TOO_LARGE: { amounts: ['remaining', 'appliedAmount'] },
  QUOTE_EXPIRED: { dates: ['validUntil', 'workDate'] },
  EXCHANGE_RATE_MISSING: { dates: ['date'] },
  NO_DATE_IN_PROMISING_WINDOW: { dates: ['windowEnd'] },
  REQUESTED_DATE_FIXED_BY_PROMISED: { dates: ['promisedDeliveryDate'] },
  RESERVED_FOR_OTHER_DEMAND: { quantities: ['toShip', 'inventory', 'reserved', 'free'] },
  RESERVATION_NOT_POSSIBLE: { quantities: ['quantity', 'available'] },
  NOTHING_TO_RESERVE: {},
  RESERVE_QUANTITY_INVALID: { quantities: ['quantity', 'open'] },
  QTY_TO_ASSEMBLE_TO_ORDER_INVALID: { quantities: ['quantity', 'value'] },
  QTY_TO_ASSEMBLE_OUT_OF_RANGE: { quantities: ['value', 'minimum', 'maximum'] },
  ASSEMBLE_TO_ORDER_NOT_ALLOWED: {},
  ASSEMBLY_ORDER_LINKED: {},
  ASSEMBLY_POSTING_NOT_READY: {},
};

/** The same messages in Dutch, in BC's (nl-NL) words. */
const dutchMessages: Readonly<Record<LocalizedCode, (p: MessageParams) => string>> = {
  INVOICE_DISCOUNT_TOO_LARGE: (p) => `De factuurkorting ${p.discountAmount} moet tussen 0 en het factuurkortingsbasisbedrag ${p.base} liggen.`,
  INVOICE_DISCOUNT_NOT_ALLOWED: (p) => `Geen enkele regel staat factuurkorting toe (Fact.korting toestaan), dus de factuurkorting ${p.discountAmount} kan niet worden toegepast.`,
  LINE_DISCOUNT_OUT_OF_RANGE: (p) => `De regelkorting moet tussen 0 % en 100 % van Aantal × Eenheidsprijs (${p.grossAmount}) liggen; deze zou ${p.lineDiscountPercent} % zijn.`,
  APPLIED_AMOUNT_TOO_LARGE: (p) => `Post ${p.entryNo} heeft nog maar ${p.remaining} openstaand (na een eventuele betalingskorting), minder dan het vereffende bedrag ${p.appliedAmount}.`,
  QUOTE_EXPIRED: (p) => `Offerte ${p.no} is verlopen op ${p.validUntil} (werkdatum ${p.workDate}); verleng de Offerte geldig tot datum om deze te converteren.`,
  EXCHANGE_RATE_MISSING: (p) => `Valuta ${p.currencyCode} heeft geen wisselkoers die begint op of vóór ${p.date}.`,
  NO_DATE_IN_PROMISING_WINDOW: (p) => `Voor regel ${p.lineNo} (${p.itemNo}) kan binnen de vooruitkijkperiode (tot ${p.windowEnd}) geen datum worden toegezegd; er is niets geaccepteerd.`,
  REQUESTED_DATE_FIXED_BY_PROMISED: (p) => `Gevraagde leveringsdatum kan niet worden gewijzigd zolang Beloofde leveringsdatum ${p.promisedDeliveryDate} is; maak eerst de beloofde datum leeg.`,
  RESERVED_FOR_OTHER_DEMAND: (p) => `Artikel ${p.itemNo}${p.locationCode ? ` in ${p.locationCode}` : ''}: er zou ${p.toShip} worden verzonden, maar van de ${p.inventory} in voorraad zijn er ${p.reserved} gereserveerd voor andere orders; ${p.free} kan worden verzonden. Annuleer of verplaats die reserveringen eerst.`,
  RESERVATION_NOT_POSSIBLE: (p) => `Van die aanvoer kan maar ${p.available} van artikel ${p.itemNo} worden gereserveerd, niet ${p.quantity}.`,
  NOTHING_TO_RESERVE: (p) => `Regel ${p.lineNo} van order ${p.no} is volledig gereserveerd (of heeft niets meer te verzenden).`,
  RESERVE_QUANTITY_INVALID: (p) => `Het te reserveren aantal moet groter zijn dan 0 en ten hoogste de ${p.open} die nog niet gereserveerd zijn, niet ${p.quantity}.`,
  QTY_TO_ASSEMBLE_TO_ORDER_INVALID: (p) => `Aantal op te bouwen voor order moet hetzelfde teken hebben als Aantal (${p.quantity}) en mag niet groter zijn, niet ${p.value}.`,
  QTY_TO_ASSEMBLE_OUT_OF_RANGE: (p) => `Op te bouwen aantal moet tussen ${p.minimum} en ${p.maximum} liggen (wat nu wordt verzonden en niet uit voorraad komt), niet ${p.value}.`,
  ASSEMBLE_TO_ORDER_NOT_ALLOWED: (p) => `Regel ${p.lineNo} kan niet voor de order worden geassembleerd: ${p.reason}.`,
  ASSEMBLY_ORDER_LINKED: (p) => `Assemblage-${p.documentType} ${p.no} wordt voor de order geassembleerd voor verkoop-${p.salesDocumentType} ${p.salesDocumentNo} regel ${p.salesLineNo}: ${p.reason}.`,
  ASSEMBLY_POSTING_NOT_READY: (p) => `Assemblageorder ${p.no} kan niet worden geboekt: ${p.reason}.`,
};

const isLocalizedCode = (code: string): code is LocalizedCode => Object.hasOwn(formattedParams, code);

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The message of a refusal in the user's locale and language, or null when the code is not one of
 * those above or a value is not what it should be (then the API's own detail stands).
 */
export function localizedMessage(code: string, params: MessageParams | undefined, locale: SupportedLocale, language: CaptionLanguage = 'en'): string | null {
  if (!isLocalizedCode(code) || !params) return null;
  const formatted = formattedParams[code];
  const values: Record<string, string | number | boolean | null> = { ...params };
  const reformat = (names: readonly string[] | undefined, valid: (value: unknown) => value is string, format: (value: string) => string) => {
    for (const name of names ?? []) {
      const value = params[name];
      if (!valid(value)) return false;
      values[name] = format(value);
    }
    return true;
  };
  const isIsoDate = (value: unknown): value is string => typeof value === 'string' && isoDatePattern.test(value);
  const complete = reformat(formatted.amounts, isDecimalString, (value) => formatAmount(value, locale))
    && reformat(formatted.percents, isDecimalString, (value) => formatQuantity(value, locale))
    && reformat(formatted.quantities, isDecimalString, (value) => formatQuantity(value, locale))
    && reformat(formatted.dates, isIsoDate, (value) => formatDate(value, locale));
  if (!complete) return null;
  return language === 'nl' ? dutchMessages[code](values) : new DomainError(code, values).message;
}

type CreditWarningCode = keyof typeof creditWarningMessages;
const creditWarningAmounts: Readonly<Record<CreditWarningCode, readonly string[]>> = {
  OVERDUE_BALANCE: ['balanceDueLcy'],
  CREDIT_LIMIT_EXCEEDED: ['creditLimitLcy', 'totalAmountLcy', 'overLimitLcy'],
};
const dutchCreditWarnings: Readonly<Record<CreditWarningCode, (d: Record<string, string>) => string>> = {
  OVERDUE_BALANCE: (d) => `De klant heeft een achterstallig saldo van ${d.balanceDueLcy} (LV).`,
  CREDIT_LIMIT_EXCEEDED: (d) => `De kredietlimiet van de klant van ${d.creditLimitLcy} (LV) is overschreden: met dit document is het totaal ${d.totalAmountLcy} (LV), ${d.overLimitLcy} boven de limiet.`,
};

/**
 * A document warning (credit limit, overdue balance) in the user's language with its amounts in the
 * locale; another warning, or one whose amounts are not what they should be, as the API words it.
 */
export function localizedWarning(
  warning: { code: string; message: string; details?: Readonly<Record<string, unknown>> }, locale: SupportedLocale, language: CaptionLanguage = 'en',
): string {
  if (!Object.hasOwn(creditWarningAmounts, warning.code)) return warning.message;
  const code = warning.code as CreditWarningCode;
  const amounts: Record<string, string> = {};
  for (const name of creditWarningAmounts[code]) {
    const value = warning.details?.[name];
    if (!isDecimalString(value)) return warning.message;
    amounts[name] = formatAmount(value, locale);
  }
  return language === 'nl' ? dutchCreditWarnings[code](amounts) : (creditWarningMessages[code] as (d: Record<string, string>) => string)(amounts);
}

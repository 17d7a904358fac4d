import type { SupportedLocale } from '../format/locales.ts';
import { formatDate } from '../format/dates.ts';
import { formatQuantity } from '../format/numbers.ts';
import { inEnglish, type Translate } from '../journal/plain-captions.ts';

/** BC's Order Promising methods (spec §16.3–16.5). */
export type PromisingMethod = 'availableToPromise' | 'capableToPromise';

export const promisingMethods: ReadonlyArray<{ value: PromisingMethod; label: string }> = [
  { value: 'availableToPromise', label: 'Available to Promise' },
  { value: 'capableToPromise', label: 'Capable to Promise' },
];

/** A document a receipt comes on (a purchase order line, a sales return …). */
interface ReceiptDocument { kind: string; documentNo: string; lineNo: number; quantity: string }

interface CtpSupply { quantity: string; dueDate: string; endingDate: string; startingDate: string }

/** One reason of a line's earliest date, as POST …/orderPromising explains it (decimals as strings). */
export type ExplanationStep =
  | { kind: 'inventory'; quantity: string }
  | { kind: 'receipt'; date: string; quantity: string; demandBefore: string; availableAfter: string; documents?: ReceiptDocument[] }
  | { kind: 'shortfall'; date: string; available: string; quantity: string }
  | { kind: 'dateChosen'; date: string; rule?: string; demandBefore?: string; available?: string }
  | { kind: 'noDateInWindow'; windowEnd: string | null; shortfallDate?: string; available?: string; quantity?: string }
  | { kind: 'specialOrder'; purchaseOrderNo: string | null; expectedReceiptDate: string | null }
  | { kind: 'window'; start: string; end: string }
  | { kind: 'unavailable'; quantity: string }
  | { kind: 'attempt'; dueDate: string; availableToPromise: string; supply: CtpSupply | null; outcome: string };

export interface PromisingLine {
  lineNo: number;
  itemNo: string;
  description: string;
  locationCode: string | null;
  quantity: string;
  requiredQuantity: string;
  unavailableQuantity: string;
  requestedDeliveryDate: string | null;
  requestedShipmentDate: string | null;
  originalShipmentDate: string | null;
  earliestShipmentDate: string | null;
  plannedDeliveryDate: string | null;
  supply: CtpSupply | null;
  explanation: ExplanationStep[];
}

export interface PromisingResult { lines: PromisingLine[] }
export interface AcceptResult extends PromisingResult { orderPromisingId?: string; worksheetName?: string }

/** How a receipt's document is named in a sentence ("on purchase order PO0001"). */
const documentKindCaptions: Readonly<Record<string, string>> = {
  purchaseOrder: 'purchase order',
  salesReturnOrder: 'sales return order',
  assemblyOrder: 'assembly order',
  requisition: 'requisition line',
};

const outcomeCaptions: Readonly<Record<string, string>> = {
  covered: 'covered by what is available',
  feasible: 'a replenishment can be had by then',
  startsBeforeWindow: 'the replenishment would have to start before the promising window',
  componentsUnavailable: 'components are not available',
};

function documentsText(documents: readonly ReceiptDocument[] | undefined, t: Translate): string {
  if (!documents || documents.length === 0) return '';
  const names = documents.map((document) => `${t(documentKindCaptions[document.kind] ?? document.kind)} ${document.documentNo}`);
  return ' ' + t('on {{documents}}', { documents: names.join(', ') });
}

/**
 * One step in words, e.g. "20 arriving 20-01-2026 on purchase order PO0001"; `t` is the app's
 * `caption` (kept a parameter so node tests load this without the app's i18next set-up).
 */
export function explainStep(step: ExplanationStep, locale: SupportedLocale, t: Translate = inEnglish): string {
  const quantity = (value: string | undefined) => formatQuantity(value ?? '0', locale);
  const date = (value: string | null | undefined) => formatDate(value ?? null, locale);
  switch (step.kind) {
    case 'inventory': return t('{{quantity}} in inventory', { quantity: quantity(step.quantity) });
    case 'receipt': return t('{{quantity}} arriving {{date}}', { quantity: quantity(step.quantity), date: date(step.date) }) + documentsText(step.documents, t);
    case 'shortfall': return t('only {{available}} available on {{date}}', { available: quantity(step.available), date: date(step.date) });
    case 'dateChosen': return t('earliest {{date}}', { date: date(step.date) });
    case 'noDateInWindow': return step.windowEnd
      ? t('not available by the end of the promising window, {{date}}', { date: date(step.windowEnd) })
      : t('not available in the promising window');
    case 'specialOrder': return step.expectedReceiptDate
      ? t('special order: received {{date}} on purchase order {{no}}', { date: date(step.expectedReceiptDate), no: step.purchaseOrderNo ?? '' })
      : t('special order: no purchase order yet');
    case 'window': return t('promising window {{start}} to {{end}}', { start: date(step.start), end: date(step.end) });
    case 'unavailable': return t('{{quantity}} to replenish', { quantity: quantity(step.quantity) });
    case 'attempt': return t('due {{date}}: {{outcome}}', { date: date(step.dueDate), outcome: t(outcomeCaptions[step.outcome] ?? step.outcome) });
  }
}

/** A line's reasons as one sentence: "6 in inventory; 20 arriving … on purchase order PO0001; earliest …". */
export function explanationText(steps: readonly ExplanationStep[], locale: SupportedLocale, t: Translate = inEnglish): string {
  return steps.map((step) => explainStep(step, locale, t)).join('; ');
}

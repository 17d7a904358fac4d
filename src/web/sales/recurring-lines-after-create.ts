import { api, encodeKey } from '../api/client.ts';
import { caption } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import type { RecurringSalesCodeOffer } from '../standard-sales/standard-sales-types.ts';
import type { AnyDocumentKind } from './document-kinds.ts';

/** What a new document's page is handed when the customer's recurring codes are to be offered (router state). */
export interface RecurringLinesOfferState {
  recurringLinesOffer: { documentNo: string; codes: RecurringSalesCodeOffer[] };
}

export function recurringLinesOfferOf(state: unknown, documentNo: string): RecurringSalesCodeOffer[] | null {
  const offer = (state as Partial<RecurringLinesOfferState> | null)?.recurringLinesOffer;
  return offer && offer.documentNo === documentNo ? offer.codes : null;
}

interface CreatedDocument { no: string; lines?: unknown[]; recurringSalesCodes?: RecurringSalesCodeOffer[] }

/**
 * What the customer's recurring sales codes did to a document just created empty (spec §9.3): the
 * codes to choose from come back with it (Always Ask, or several Automatic), handed to its page to
 * offer; or the one Automatic code's lines went in, which a notice says, naming the code.
 */
export function recurringLinesAfterCreate(kind: AnyDocumentKind, created: { no: string }): RecurringLinesOfferState | undefined {
  if (kind.family !== 'sales') return undefined;
  const document = created as CreatedDocument;
  if (document.recurringSalesCodes && document.recurringSalesCodes.length > 0) {
    return { recurringLinesOffer: { documentNo: document.no, codes: document.recurringSalesCodes } };
  }
  // The document was sent without lines: lines it has came from the customer's Automatic code.
  if ((document.lines?.length ?? 0) > 0) void announceAutomaticLines(kind, document.no, document.lines!.length);
  return undefined;
}

async function announceAutomaticLines(kind: AnyDocumentKind, no: string, lineCount: number) {
  const offered = await api.get<{ items: RecurringSalesCodeOffer[] }>(`/${kind.resource}/${encodeKey(no)}/recurringSalesCodes`).catch(() => ({ items: [] }));
  const automatic = offered.items.filter((code) => code.mode === 'automatic');
  const [code] = automatic;
  const source = automatic.length === 1 && code
    ? caption('recurring sales code {{code}}', { code: `${code.code}${code.description ? ` (${code.description})` : ''}` })
    : caption('the customer\'s automatic recurring sales code');
  showNotice({
    title: caption('Recurring sales lines added'),
    color: 'teal',
    body: caption('{{number}} line(s) from {{source}} were added to {{document}} {{no}}.', { number: lineCount, source, document: caption(kind.caption), no }),
  });
}

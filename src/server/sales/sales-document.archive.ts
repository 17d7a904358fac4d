import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { salesDocumentArchive } from '../db/schema/index.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument } from './sales-document.types.ts';

export type ArchiveReason = 'makeOrder' | 'makeInvoice' | 'delete' | 'deleteExpired' | 'posted';

/** Whether the setup keeps a copy (spec §1.3 Archive Quotes / Archive Orders); `question` is the client's call. */
export function shouldArchive(document: SalesDocument, context: SalesContext, asked: boolean | undefined): boolean {
  if (document.header.documentType === 'quote') {
    const setting = context.salesSetup.archiveQuotes;
    return setting === 'always' || (setting === 'question' && asked === true);
  }
  if (document.header.documentType === 'order') return context.salesSetup.archiveOrders || asked === true;
  return false;
}

/** Stores the next version of a document's archive, in the caller's transaction. */
export async function archiveDocument(tx: Executor, document: SalesDocument, reason: ArchiveReason, archivedBy: string) {
  const { documentType, no } = document.header;
  const [existing] = await tx.select({ versions: count() }).from(salesDocumentArchive)
    .where(and(eq(salesDocumentArchive.documentType, documentType), eq(salesDocumentArchive.no, no)));
  await tx.insert(salesDocumentArchive).values({
    documentType, no, versionNo: existing!.versions + 1, reason, archivedBy, header: document.header, lines: document.lines,
  });
}

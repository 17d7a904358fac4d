import { and, asc, eq } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import type { EditableDocumentType, SalesDocument } from './sales-document.types.ts';

export async function findDocument(
  tx: Executor, documentType: EditableDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<SalesDocument | undefined> {
  const query = tx.select().from(salesHeader).where(and(eq(salesHeader.documentType, documentType), eq(salesHeader.no, no)));
  const [header] = options.lock ? await query.for('update') : await query;
  if (!header) return undefined;
  const lines = await tx.select().from(salesLine)
    .where(and(eq(salesLine.documentType, documentType), eq(salesLine.documentNo, no))).orderBy(asc(salesLine.lineNo));
  return { header, lines };
}

/** Loads a document; `lock` holds it (SELECT … FOR UPDATE) until the transaction ends. */
export async function loadDocument(
  tx: Executor, documentType: EditableDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<SalesDocument> {
  const document = await findDocument(tx, documentType, no, options);
  if (!document) throw new DomainError('NOT_FOUND', { entity: salesDescriptor(documentType).caption, key: no });
  return document;
}

import { and, asc, eq } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader, purchaseLine } from '../db/schema/index.ts';
import type { PurchaseDocument } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';

export async function findPurchaseDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<PurchaseDocument | undefined> {
  const query = tx.select().from(purchaseHeader).where(and(eq(purchaseHeader.documentType, documentType), eq(purchaseHeader.no, no)));
  const [header] = options.lock ? await query.for('update') : await query;
  if (!header) return undefined;
  const lines = await tx.select().from(purchaseLine)
    .where(and(eq(purchaseLine.documentType, documentType), eq(purchaseLine.documentNo, no))).orderBy(asc(purchaseLine.lineNo));
  return { header, lines };
}

/** Loads a purchase document; `lock` holds it until the transaction ends. */
export async function loadPurchaseDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<PurchaseDocument> {
  const document = await findPurchaseDocument(tx, documentType, no, options);
  if (!document) throw new DomainError('NOT_FOUND', { entity: purchaseDescriptor(documentType).caption, key: no });
  return document;
}

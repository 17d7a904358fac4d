/**
 * Posted Approval Entries (spec §19.1, §19.6: "on posting, approval entries are moved to Posted
 * Approval Entries"). The history is append-only, so nothing moves: the posting links every
 * request of the document it posts to the posted documents it writes, in the posting's own
 * statement, and the posted document's approval history is read through those links.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalRequest, postedApprovalRequest, postedSalesHeader, type PostedSalesDocumentType } from '../db/schema/index.ts';
import { postedDocumentKinds } from '../sales/posted-sales-document.queries.ts';
import { historyOf } from './approval-requests.queries.ts';

export interface ApprovalSourceDocument { documentType: string; no: string; createdAt: string }
export interface PostedDocumentKey { documentType: string; no: string }

/**
 * One INSERT … SELECT for the posting's write statement (write-batch.ts): the document's requests
 * (of this document, created then, not an earlier one under its number) × the posted documents.
 * A document without requests selects no row, so writes none; no posted document, no write.
 */
export function postedApprovalLinks(source: ApprovalSourceDocument, posted: readonly PostedDocumentKey[]): SQL | null {
  if (posted.length === 0) return null;
  const documents = sql.join(posted.map((document) => sql`(${document.documentType}, ${document.no})`), sql`, `);
  return sql`insert into ${postedApprovalRequest} (posted_document_type, posted_document_no, request_id)
    select posted.document_type, posted.no, ${approvalRequest.id} from ${approvalRequest}
    cross join (values ${documents}) as posted (document_type, no)
    where ${approvalRequest.documentType} = ${source.documentType} and ${approvalRequest.documentNo} = ${source.no}
      and ${approvalRequest.documentCreatedAt} = ${source.createdAt}::timestamptz`;
}

/**
 * The approval history of a posted document, shaped as the open document's history: its requests,
 * newest first (none when the document was posted without approval). NOT_FOUND for no such document.
 */
export async function postedApprovalHistory(tx: Executor, documentType: PostedSalesDocumentType, no: string) {
  const [posted] = await tx.select({ no: postedSalesHeader.no }).from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, documentType), eq(postedSalesHeader.no, no)));
  if (!posted) throw new DomainError('NOT_FOUND', { entity: postedDocumentKinds[documentType].entity, key: no });
  const rows = await tx.select({ request: approvalRequest }).from(postedApprovalRequest)
    .innerJoin(approvalRequest, eq(approvalRequest.id, postedApprovalRequest.requestId))
    .where(and(eq(postedApprovalRequest.postedDocumentType, documentType), eq(postedApprovalRequest.postedDocumentNo, no)))
    .orderBy(desc(approvalRequest.id));
  return historyOf(tx, rows.map((row) => row.request));
}

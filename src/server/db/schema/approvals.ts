/**
 * Approval workflows for sales documents (spec §19): the approval part of User Setup (§1.5),
 * workflow user groups, workflows, and the approval history. Requests, entries, their events and
 * comments are append-only (a trigger refuses UPDATE and DELETE): an entry's status is the status
 * of its latest event, and a posted or deleted document keeps its history under its number.
 */
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  approvalDocumentTypes, approvalStatuses, approverLimitTypes, approverTypes, delegateAfterOptions,
} from '../../../core/approvals/types.ts';
import { approvalNotificationTypes } from '../../../core/approvals/notifications.ts';
import { amount, calendarDate, dateFormula, flag, recordColumns } from './columns.ts';
import { customer } from './customers.ts';
import { salespersonPurchaser } from './logistics.ts';
import { postedSalesHeader } from './posted-documents.ts';
import { customerPostingGroup } from './posting-setup.ts';
import { allowedValues, postedSalesDocumentTypes } from './type-columns.ts';
import { appUser } from './users.ts';

const timestampColumn = () => timestamp({ withTimezone: true, mode: 'string' });

/** Approval User Setup (§1.5): per user of the application. */
export const approvalUserSetup = pgTable('approval_user_setup', {
  userId: text().primaryKey().references(() => appUser.username, { onDelete: 'cascade', onUpdate: 'cascade' }),
  approverId: text(),
  salesAmountApprovalLimit: amount().notNull().default('0'),
  unlimitedSalesApproval: flag(),
  salespersonCode: text().references(() => salespersonPurchaser.code),
  substitute: text(),
  approvalAdministrator: flag(),
  email: text().notNull().default(''),
  ...recordColumns(),
});

export const workflowUserGroup = pgTable('workflow_user_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

export const workflowUserGroupMember = pgTable('workflow_user_group_member', {
  groupCode: text().notNull().references(() => workflowUserGroup.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
  userId: text().notNull().references(() => appUser.username, { onDelete: 'cascade', onUpdate: 'cascade' }),
  sequenceNo: integer().notNull().default(1),
}, (t) => [primaryKey({ columns: [t.groupCode, t.userId] })]);

/** A sales document approval workflow (§19.1–19.3): its event conditions and the step argument of Create Approval Requests. */
export const approvalWorkflow = pgTable('approval_workflow', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  templateCode: text().notNull().default(''),
  documentType: text().notNull(),
  enabled: flag(),
  approverType: text().notNull().default('approver'),
  limitType: text().notNull().default('approverChain'),
  specificApproverId: text(),
  workflowUserGroupCode: text().references(() => workflowUserGroup.code),
  dueDateFormula: dateFormula(),
  delegateAfter: text().notNull().default('never'),
  minimumAmountLcy: amount(),
  customerNo: text().references(() => customer.no),
  customerPostingGroup: text().references(() => customerPostingGroup.code),
  /** The credit-limit variant (…CLAPW, §19.8): approvers only when the customer's credit limit is exceeded. */
  checkCreditLimit: flag(),
  ...recordColumns(),
}, (t) => [
  allowedValues(t.documentType, approvalDocumentTypes),
  allowedValues(t.approverType, approverTypes),
  allowedValues(t.limitType, approverLimitTypes),
  allowedValues(t.delegateAfter, delegateAfterOptions),
]);

/**
 * One Send Approval Request: the document it concerns (type, no. and when that document was
 * created, so a later document under a reused number is another document), the content approved
 * (a hash, core/approvals/content-hash.ts) and the amounts. Copied requests (quote → order) name
 * the request they were copied from.
 */
export const approvalRequest = pgTable('approval_request', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  documentType: text().notNull(),
  documentNo: text().notNull(),
  documentCreatedAt: timestampColumn().notNull(),
  workflowCode: text().notNull(),
  senderId: text().notNull(),
  contentHash: text().notNull(),
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  currencyCode: text(),
  salespersonCode: text(),
  customerNo: text().notNull(),
  availableCreditLimitLcy: amount(),
  copiedFromRequestId: integer(),
  sentAt: timestampColumn().notNull().defaultNow(),
}, (t) => [
  allowedValues(t.documentType, approvalDocumentTypes),
  index('approval_request_document').on(t.documentType, t.documentNo),
]);

/** An approval entry (§19.1) as created; what happens to it is in approval_entry_event. */
export const approvalEntry = pgTable('approval_entry', {
  entryNo: integer().primaryKey().generatedAlwaysAsIdentity(),
  requestId: integer().notNull().references(() => approvalRequest.id),
  sequenceNo: integer().notNull(),
  approvalType: text().notNull(),
  limitType: text().notNull(),
  dueDate: calendarDate(),
  delegationDateFormula: text().notNull().default(''),
  createdAt: timestampColumn().notNull().defaultNow(),
}, (t) => [
  allowedValues(t.approvalType, approverTypes),
  allowedValues(t.limitType, approverLimitTypes),
  index('approval_entry_request').on(t.requestId),
]);

/** Every status an entry takes, with its approver then (Delegate changes the approver): the latest row is the entry's state. */
export const approvalEntryEvent = pgTable('approval_entry_event', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  entryNo: integer().notNull().references(() => approvalEntry.entryNo),
  status: text().notNull(),
  approverId: text().notNull(),
  userId: text().notNull(),
  at: timestampColumn().notNull().defaultNow(),
}, (t) => [
  allowedValues(t.status, approvalStatuses),
  index('approval_entry_event_entry').on(t.entryNo, t.id),
  index('approval_entry_event_approver').on(t.approverId),
]);

export const approvalComment = pgTable('approval_comment', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  entryNo: integer().notNull().references(() => approvalEntry.entryNo),
  userId: text().notNull(),
  comment: text().notNull(),
  createdAt: timestampColumn().notNull().defaultNow(),
}, (t) => [index('approval_comment_entry').on(t.entryNo)]);


/**
 * Posted Approval Entries (§19.1, §19.6): the posted documents a request's history belongs to, one
 * row per request and posted document, written by the posting that produced them in its own
 * statement. The history itself stays where it was (append-only); this is how it is found again
 * from the posted shipment, invoice, credit memo or return receipt.
 */
export const postedApprovalRequest = pgTable('posted_approval_request', {
  postedDocumentType: text().notNull(),
  postedDocumentNo: text().notNull(),
  requestId: integer().notNull().references(() => approvalRequest.id),
}, (t) => [
  // Named: the generated names are cut to the same 63 characters.
  primaryKey({ name: 'posted_approval_request_pk', columns: [t.postedDocumentType, t.postedDocumentNo, t.requestId] }),
  foreignKey({ name: 'posted_approval_request_posted_document_fk', columns: [t.postedDocumentType, t.postedDocumentNo], foreignColumns: [postedSalesHeader.documentType, postedSalesHeader.no] }),
  allowedValues(t.postedDocumentType, postedSalesDocumentTypes),
  index('posted_approval_request_request').on(t.requestId),
]);


/**
 * Approval notifications (§19.7): one per recipient and event, written in the transaction of the
 * approval action that caused it. Only read_at ever changes (a trigger refuses anything else). An
 * overdue notice carries the work date it was sent for: one per recipient, entry and day.
 */
export const approvalNotification = pgTable('approval_notification', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  recipientId: text().notNull(),
  notificationType: text().notNull(),
  documentType: text().notNull(),
  documentNo: text().notNull(),
  entryNo: integer().references(() => approvalEntry.entryNo),
  message: text().notNull(),
  overdueDate: calendarDate(),
  createdBy: text().notNull(),
  createdAt: timestampColumn().notNull().defaultNow(),
  readAt: timestampColumn(),
}, (t) => [
  allowedValues(t.notificationType, approvalNotificationTypes),
  allowedValues(t.documentType, approvalDocumentTypes),
  index('approval_notification_recipient').on(t.recipientId, t.id),
  uniqueIndex('approval_notification_overdue_once').on(t.recipientId, t.entryNo, t.overdueDate),
]);

/**
 * The requests of the payment reconciliation pages (src/server/bank/reconciliation.routes.ts) and the
 * query keys they are cached under: everything of a bank account's journals lives under
 * ['paymentReconciliations', bankAccountNo], so one invalidation refreshes list, header and lines.
 */
import { api, encodeKey, withQuery } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';
import type { CsvStatementMapping } from './csv-format.ts';
import type {
  ApplyAutomaticallyResult, ApplyManuallyRequest, LineCreateRequest, LineFilter, MapTextRequest, Reconciliation, ReconciliationLine,
  ReconciliationPostingResult, ReconciliationPostRequest, StatementImportResult, StatementKey, TransferDifferenceRequest,
} from './reconciliation-types.ts';

/** The fields of GET /bankAccounts the pages read (src/core/master-data/bank-account.schemas.ts). */
export interface BankAccount {
  no: string;
  name: string;
  iban: string;
  bankAccountNo: string;
  currencyCode: string | null;
  matchToleranceType: string;
  matchToleranceValue: string;
  blocked: boolean;
  statementCsvMapping: CsvStatementMapping | null;
  version: number;
}

const journalsPath = (bankAccountNo: string) => `/bankAccounts/${encodeKey(bankAccountNo)}/paymentReconciliations`;
const journalPath = (key: StatementKey) => `${journalsPath(key.bankAccountNo)}/${encodeKey(key.statementNo)}`;
const linePath = (key: StatementKey, lineNo: number) => `${journalPath(key)}/lines/${lineNo}`;

/** The web address of a journal page. */
export const journalPagePath = (key: StatementKey) => `/payment-reconciliations/${encodeKey(key.bankAccountNo)}/${encodeKey(key.statementNo)}`;
/** The web address of a bank account's list of journals. */
export const journalListPagePath = (bankAccountNo: string) => `/payment-reconciliations?bankAccount=${encodeKey(bankAccountNo)}`;

export const reconciliationKeys = {
  bank: (bankAccountNo: string) => ['paymentReconciliations', bankAccountNo] as const,
  list: (bankAccountNo: string) => ['paymentReconciliations', bankAccountNo, 'list'] as const,
  journal: (key: StatementKey) => ['paymentReconciliations', key.bankAccountNo, key.statementNo] as const,
  lines: (key: StatementKey, filter: LineFilter) => ['paymentReconciliations', key.bankAccountNo, key.statementNo, 'lines', filter] as const,
  line: (key: StatementKey, lineNo: number) => ['paymentReconciliations', key.bankAccountNo, key.statementNo, 'line', lineNo] as const,
};

export const reconciliationApi = {
  bankAccounts: () => api.get<Page<BankAccount>>(withQuery('/bankAccounts', { limit: 200 })),
  saveCsvFormat: (bankAccountNo: string, statementCsvMapping: CsvStatementMapping | null, version: number) =>
    api.patch<BankAccount>(`/bankAccounts/${encodeKey(bankAccountNo)}`, { statementCsvMapping }, version),
  list: (bankAccountNo: string) => api.get<{ items: Reconciliation[] }>(journalsPath(bankAccountNo)),
  create: (bankAccountNo: string) => api.post<Reconciliation>(journalsPath(bankAccountNo), {}),
  importFile: (bankAccountNo: string, file: { fileName: string; content: string }) =>
    api.post<StatementImportResult>(`/bankAccounts/${encodeKey(bankAccountNo)}/statementImports`, file),
  read: (key: StatementKey) => api.get<Reconciliation>(journalPath(key)),
  remove: (key: StatementKey) => api.delete<void>(journalPath(key)),
  update: (key: StatementKey, changes: { statementDate?: string | null; statementEndingBalance?: string }, version: number) =>
    api.patch<Reconciliation>(journalPath(key), changes, version),
  lines: (key: StatementKey, filter: LineFilter) => api.get<{ items: ReconciliationLine[] }>(withQuery(`${journalPath(key)}/lines`, { filter })),
  line: (key: StatementKey, lineNo: number) => api.get<ReconciliationLine>(linePath(key, lineNo)),
  addLine: (key: StatementKey, line: LineCreateRequest) => api.post<ReconciliationLine>(`${journalPath(key)}/lines`, line),
  deleteLine: (key: StatementKey, lineNo: number) => api.delete<void>(linePath(key, lineNo)),
  accept: (key: StatementKey, lineNo: number) => api.post<ReconciliationLine>(`${linePath(key, lineNo)}/accept`),
  removeApplication: (key: StatementKey, lineNo: number) => api.post<ReconciliationLine>(`${linePath(key, lineNo)}/removeApplication`),
  applyManually: (key: StatementKey, lineNo: number, request: ApplyManuallyRequest) => api.post<ReconciliationLine>(`${linePath(key, lineNo)}/applyManually`, request),
  transferDifference: (key: StatementKey, lineNo: number, request: TransferDifferenceRequest) =>
    api.post<{ items: ReconciliationLine[] }>(`${linePath(key, lineNo)}/transferDifference`, request),
  mapTextToAccount: (key: StatementKey, lineNo: number, request: MapTextRequest) => api.post<ReconciliationLine>(`${linePath(key, lineNo)}/mapTextToAccount`, request),
  applyAutomatically: (key: StatementKey) => api.post<ApplyAutomaticallyResult>(`${journalPath(key)}/applyAutomatically`),
  preview: (key: StatementKey, request: ReconciliationPostRequest) => api.post<GeneralJournalPreview>(`${journalPath(key)}/preview`, request),
  post: (key: StatementKey, request: ReconciliationPostRequest) => api.post<ReconciliationPostingResult>(`${journalPath(key)}/post`, request),
};

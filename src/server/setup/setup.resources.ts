import { eq, max } from 'drizzle-orm';
import {
  companyInformationUpdate, generalLedgerSetupUpdate, inventorySetupUpdate, noSeriesLineSchemas, noSeriesSchemas,
  purchasesPayablesSetupUpdate, salesReceivablesSetupUpdate,
} from '../../core/master-data/setup.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import { compareDates } from '../../core/dates/calendar-date.ts';
import {
  companyInformation, generalLedgerSetup, inventorySetup, noSeries, noSeriesLine, purchasesPayablesSetup, salesReceivablesSetup,
} from '../db/schema/index.ts';
import type { ResourceDefinition, SingletonDefinition } from '../master-data/resource.ts';

export const setupSingletons: SingletonDefinition[] = [
  {
    name: 'companyInformation', entity: 'Company Information', table: companyInformation, area: 'setup', updateSchema: companyInformationUpdate,
    // The logo is uploaded and read at /companyInformation/logo; the record says only whether there is one (logoMimeType).
    hiddenFields: ['logo'],
  },
  {
    name: 'generalLedgerSetup', entity: 'General Ledger Setup', table: generalLedgerSetup, area: 'setup',
    updateSchema: generalLedgerSetupUpdate,
    validate: async (_tx, record) => {
      const from = record.allowPostingFrom as string | null;
      const to = record.allowPostingTo as string | null;
      if (from && to && compareDates(from, to) > 0) {
        throw new DomainError('INVALID_INPUT', { detail: `Allow Posting From (${from}) is after Allow Posting To (${to}).` }, 'allowPostingTo');
      }
    },
  },
  { name: 'salesReceivablesSetup', entity: 'Sales & Receivables Setup', table: salesReceivablesSetup, area: 'setup', updateSchema: salesReceivablesSetupUpdate },
  { name: 'inventorySetup', entity: 'Inventory Setup', table: inventorySetup, area: 'setup', updateSchema: inventorySetupUpdate },
  { name: 'purchasesPayablesSetup', entity: 'Purchases & Payables Setup', table: purchasesPayablesSetup, area: 'setup', updateSchema: purchasesPayablesSetupUpdate },
];

export const noSeriesResource: ResourceDefinition = {
  name: 'noSeries', entity: 'No. Series', table: noSeries, area: 'setup',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: noSeriesSchemas.create, updateSchema: noSeriesSchemas.update,
  filters: ['defaultNos', 'manualNos'], search: ['description'],
};

export const noSeriesLineResource: ResourceDefinition = {
  name: 'lines', entity: 'No. Series Line', table: noSeriesLine, area: 'setup',
  parent: { resource: 'noSeries', entity: 'No. Series', param: 'seriesCode', field: 'seriesCode', table: noSeries, parentField: 'code' },
  key: { param: 'lineNo', field: 'lineNo', kind: 'integer' },
  createSchema: noSeriesLineSchemas.create, updateSchema: noSeriesLineSchemas.update,
  filters: ['open'],
  // Line numbers step by 10000, as in Business Central, leaving room to insert between lines.
  prepare: async (tx, values, previous) => {
    if (previous || values.lineNo !== undefined) return values;
    const [last] = await tx.select({ lineNo: max(noSeriesLine.lineNo) }).from(noSeriesLine)
      .where(eq(noSeriesLine.seriesCode, values.seriesCode as string));
    return { ...values, lineNo: (last?.lineNo ?? 0) + 10000 };
  },
};

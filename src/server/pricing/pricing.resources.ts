import { eq, getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../../core/errors.ts';
import { compareDates } from '../../core/dates/calendar-date.ts';
import { customerInvoiceDiscountSchemas, purchaseLineDiscountSchemas, purchasePriceSchemas, salesLineDiscountSchemas, salesPrepaymentPercentSchemas, salesPriceSchemas } from '../../core/master-data/pricing.schemas.ts';
import type { Executor } from '../db/connection.ts';
import {
  currency, customer, customerDiscountGroup, customerInvoiceDiscount, customerPriceGroup, item, itemDiscountGroup, purchaseLineDiscount,
  purchasePrice, salesLineDiscount, salesPrepaymentPercent, salesPrice,
} from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { checkItemPrepaymentPercent, type SalesPrepaymentSalesType } from '../../core/sales/prepayment.ts';
import { dec } from '../../core/money/decimal.ts';

const byId = { param: 'id', field: 'id', kind: 'uuid' } as const;

async function exists(tx: Executor, table: PgTable, column: string, value: string): Promise<boolean> {
  const rows = await tx.select().from(table as never).where(eq(getTableColumns(table)[column]!, value)).limit(1);
  return rows.length > 0;
}

/** The sales code names a customer, a group or nothing, according to the sales type (as in BC). */
const salesCodeTargets: Record<string, { table: PgTable; column: string; entity: string } | null> = {
  customer: { table: customer, column: 'no', entity: 'Customer' },
  customerPriceGroup: { table: customerPriceGroup, column: 'code', entity: 'Customer Price Group' },
  customerDiscountGroup: { table: customerDiscountGroup, column: 'code', entity: 'Customer Discount Group' },
  allCustomers: null,
  campaign: null,
};

/** The dates in order and the currency known: what every agreement, sales or purchase, must have. */
async function checkAgreementWindow(tx: Executor, record: Row) {
  const [starting, ending] = [record.startingDate as string | null, record.endingDate as string | null];
  if (starting && ending && compareDates(starting, ending) > 0) {
    throw new DomainError('INVALID_INPUT', { detail: `The ending date ${ending} is before the starting date ${starting}.` }, 'endingDate');
  }
  const currencyCode = record.currencyCode as string;
  if (currencyCode && !(await exists(tx, currency, 'code', currencyCode))) {
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Currency', value: currencyCode, field: 'currencyCode' }, 'currencyCode');
  }
}

async function checkAgreement(tx: Executor, record: Row) {
  const target = salesCodeTargets[record.salesType as string];
  const salesCode = record.salesCode as string;
  if (target === null && record.salesType === 'allCustomers' && salesCode !== '') {
    throw new DomainError('INVALID_INPUT', { detail: 'An agreement for all customers has no sales code.' }, 'salesCode');
  }
  if (target && !(await exists(tx, target.table, target.column, salesCode))) {
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: target.entity, value: salesCode, field: 'salesCode' }, 'salesCode');
  }
  if (record.salesType === 'campaign' && salesCode === '') {
    throw new DomainError('INVALID_INPUT', { detail: 'A campaign agreement needs the campaign number as sales code.' }, 'salesCode');
  }
  await checkAgreementWindow(tx, record);
}

export const pricingResources: ResourceDefinition[] = [
  {
    name: 'salesPrices', entity: 'Sales Price', table: salesPrice, area: 'items', key: byId,
    createSchema: salesPriceSchemas.create, updateSchema: salesPriceSchemas.update,
    filters: ['itemNo', 'salesType', 'salesCode', 'currencyCode', 'unitOfMeasureCode'],
    validate: checkAgreement,
  },
  {
    name: 'salesLineDiscounts', entity: 'Sales Line Discount', table: salesLineDiscount, area: 'items', key: byId,
    createSchema: salesLineDiscountSchemas.create, updateSchema: salesLineDiscountSchemas.update,
    filters: ['type', 'code', 'salesType', 'salesCode', 'currencyCode'],
    validate: async (tx, record) => {
      const [table, entity] = record.type === 'item' ? [item, 'Item'] : [itemDiscountGroup, 'Item Discount Group'];
      const column = record.type === 'item' ? 'no' : 'code';
      if (!(await exists(tx, table, column, record.code as string))) {
        throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity, value: record.code as string, field: 'code' }, 'code');
      }
      await checkAgreement(tx, record);
    },
  },
  {
    name: 'salesPrepaymentPercents', entity: 'Sales Prepayment %', table: salesPrepaymentPercent, area: 'items', key: byId,
    createSchema: salesPrepaymentPercentSchemas.create, updateSchema: salesPrepaymentPercentSchemas.update,
    filters: ['itemNo', 'salesType', 'salesCode'],
    validate: async (tx, record) => {
      if (!(await exists(tx, item, 'no', record.itemNo as string))) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: record.itemNo as string, field: 'itemNo' }, 'itemNo');
      checkItemPrepaymentPercent({
        salesType: record.salesType as SalesPrepaymentSalesType, salesCode: (record.salesCode as string | undefined) ?? '',
        startingDate: (record.startingDate as string | null | undefined) ?? null, endingDate: (record.endingDate as string | null | undefined) ?? null,
        prepaymentPercent: dec(String(record.prepaymentPercent)),
      });
      const target = salesCodeTargets[record.salesType as string];
      if (target && !(await exists(tx, target.table, target.column, record.salesCode as string))) {
        throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: target.entity, value: record.salesCode as string, field: 'salesCode' }, 'salesCode');
      }
    },
  },
  {
    name: 'purchasePrices', entity: 'Purchase Price', table: purchasePrice, area: 'items', key: byId,
    createSchema: purchasePriceSchemas.create, updateSchema: purchasePriceSchemas.update,
    filters: ['itemNo', 'vendorNo', 'currencyCode', 'unitOfMeasureCode'], validate: checkAgreementWindow,
  },
  {
    name: 'purchaseLineDiscounts', entity: 'Purchase Line Discount', table: purchaseLineDiscount, area: 'items', key: byId,
    createSchema: purchaseLineDiscountSchemas.create, updateSchema: purchaseLineDiscountSchemas.update,
    filters: ['itemNo', 'vendorNo', 'currencyCode', 'unitOfMeasureCode'], validate: checkAgreementWindow,
  },
  {
    name: 'customerInvoiceDiscounts', entity: 'Customer Invoice Discount', table: customerInvoiceDiscount, area: 'customers', key: byId,
    createSchema: customerInvoiceDiscountSchemas.create, updateSchema: customerInvoiceDiscountSchemas.update,
    filters: ['code', 'currencyCode'],
    validate: async (tx, record) => {
      const currencyCode = record.currencyCode as string;
      if (currencyCode && !(await exists(tx, currency, 'code', currencyCode))) {
        throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Currency', value: currencyCode, field: 'currencyCode' }, 'currencyCode');
      }
    },
  },
];

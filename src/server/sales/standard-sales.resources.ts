/**
 * Standard (recurring) sales lines as master data (spec §9.1): Standard Sales Codes with their
 * lines (`/standardSalesCodes/{code}/lines`), the codes assigned to customers
 * (`/standardCustomerSalesCodes`), and, read-only, the invoices Create Recurring Sales Invoices made
 * (`/recurringSalesInvoices`). The field rules are Business Central's (tables 170–172).
 */
import { and, eq, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { compareDates } from '../../core/dates/calendar-date.ts';
import { dec } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import {
  standardCustomerSalesCodeSchemas, standardSalesCodeSchemas, standardSalesLineSchemas,
} from '../../core/master-data/standard-sales.schemas.ts';
import type { Executor } from '../db/connection.ts';
import {
  currency, generalLedgerSetup, item, glAccount, recurringSalesInvoice, standardCustomerSalesCode, standardSalesCode, standardSalesLine,
} from '../db/schema/index.ts';
import { accountForLine, itemForLine, LineSources, quantityPerUnit } from '../documents/line-sources.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

/**
 * BC (Currency Code OnValidate): a new currency goes to the customers' codes and rounds the G/L
 * lines' Amount Excl. VAT to its amount precision.
 */
async function followCurrency(tx: Executor, record: Row, previous: Row | undefined) {
  if (!previous || previous.currencyCode === record.currencyCode) return;
  await tx.update(standardCustomerSalesCode).set({ currencyCode: record.currencyCode as string | null }).where(eq(standardCustomerSalesCode.code, record.code as string));
  const [precision] = record.currencyCode
    ? await tx.select({ amount: currency.amountRoundingPrecision }).from(currency).where(eq(currency.code, record.currencyCode as string))
    : await tx.select({ amount: generalLedgerSetup.amountRoundingPrecision }).from(generalLedgerSetup);
  const lines = await tx.select().from(standardSalesLine)
    .where(and(eq(standardSalesLine.standardSalesCode, record.code as string), eq(standardSalesLine.type, 'glAccount'), ne(standardSalesLine.amountExcludingVat, '0')));
  for (const line of lines) {
    const rounded = roundAmount(dec(line.amountExcludingVat), precision!.amount).toFixed(2);
    if (rounded === line.amountExcludingVat) continue;
    await tx.update(standardSalesLine).set({ amountExcludingVat: rounded })
      .where(and(eq(standardSalesLine.standardSalesCode, line.standardSalesCode), eq(standardSalesLine.lineNo, line.lineNo)));
  }
}

export const standardSalesCodeResource: ResourceDefinition = {
  name: 'standardSalesCodes', entity: 'Standard Sales Code', table: standardSalesCode, area: 'sales',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: standardSalesCodeSchemas.create, updateSchema: standardSalesCodeSchemas.update,
  filters: ['currencyCode'], search: ['description'],
  afterWrite: followCurrency,
};

/** What a line's item or account gives it when its number is entered (BC Standard Sales Line, No. OnValidate). */
async function sourceDefaults(tx: Executor, type: string, no: string): Promise<Row> {
  if (type === 'item') {
    const [source] = await tx.select().from(item).where(eq(item.no, no));
    return source ? { description: source.description, unitOfMeasureCode: source.salesUnitOfMeasure ?? source.baseUnitOfMeasure } : {};
  }
  const [account] = await tx.select({ name: glAccount.name }).from(glAccount).where(eq(glAccount.no, no));
  return account ? { description: account.name } : {};
}

/**
 * New lines are numbered in steps of 10000. A new type clears the line (BC Type OnValidate); a new
 * number fills description and unit from the item or account unless they are sent too.
 */
async function prepareLine(tx: Executor, values: Row, previous: Row | undefined): Promise<Row> {
  const prepared = { ...values };
  if (!previous && prepared.lineNo === undefined) {
    const [last] = await tx.select({ lineNo: max(standardSalesLine.lineNo) }).from(standardSalesLine)
      .where(eq(standardSalesLine.standardSalesCode, values.standardSalesCode as string));
    prepared.lineNo = (last?.lineNo ?? 0) + 10000;
  }
  const type = (prepared.type ?? previous?.type) as string;
  if (previous && prepared.type !== undefined && prepared.type !== previous.type) {
    Object.assign(prepared, { no: '', description: '', variantCode: '', unitOfMeasureCode: null, quantity: '0', amountExcludingVat: '0', ...values });
  }
  const numberChanged = typeof prepared.no === 'string' && prepared.no !== '' && prepared.no !== previous?.no;
  if (type !== 'comment' && numberChanged) {
    const defaults = await sourceDefaults(tx, type, prepared.no as string);
    for (const [field, value] of Object.entries(defaults)) if (values[field] === undefined) prepared[field] = value;
  }
  return prepared;
}

const invalid = (detail: string, field: string) => new DomainError('INVALID_INPUT', { detail }, field);

/** BC's field rules: a comment is text only; items and accounts must exist and be usable; Amount Excl. VAT only on G/L lines. */
async function validateLine(tx: Executor, record: Row) {
  const { type, no } = record as { type: string; no: string };
  if (type === 'comment') {
    if (no !== '') throw invalid('A comment line (blank type) has no number: Ledgerline has no standard texts.', 'no');
    if (!dec(record.quantity as string).isZero()) throw invalid('A comment line (blank type) has no quantity: Type must have a value.', 'quantity');
    if (record.unitOfMeasureCode !== null) throw invalid('A comment line (blank type) has no unit of measure: Type must have a value.', 'unitOfMeasureCode');
  } else if (no === '') {
    throw invalid(`A line of type ${type} needs a number (no).`, 'no');
  }
  if (!dec(record.amountExcludingVat as string).isZero() && type !== 'glAccount') {
    throw invalid(`Amount Excl. VAT is for G/L account lines only: Type must not be ${type}.`, 'amountExcludingVat');
  }
  if (record.variantCode !== '') {
    if (type !== 'item') throw invalid('Only item lines have a variant code.', 'variantCode');
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item Variant', value: `${no} ${record.variantCode as string}`, field: 'variantCode' }, 'variantCode');
  }
  const sources = new LineSources(tx);
  if (type === 'item') {
    await itemForLine(sources, no);
    if (record.unitOfMeasureCode) await quantityPerUnit(sources, no, record.unitOfMeasureCode as string);
  }
  if (type === 'glAccount') await accountForLine(sources, no, false);
}

export const standardSalesLineResource: ResourceDefinition = {
  name: 'lines', entity: 'Standard Sales Line', table: standardSalesLine, area: 'sales',
  parent: { resource: 'standardSalesCodes', entity: 'Standard Sales Code', param: 'standardSalesCode', field: 'standardSalesCode', table: standardSalesCode, parentField: 'code' },
  key: { param: 'lineNo', field: 'lineNo', kind: 'integer' },
  createSchema: standardSalesLineSchemas.create, updateSchema: standardSalesLineSchemas.update,
  filters: ['type', 'no'], search: ['description'],
  prepare: prepareLine,
  validate: validateLine,
};

export const standardCustomerSalesCodeResource: ResourceDefinition = {
  name: 'standardCustomerSalesCodes', entity: 'Standard Customer Sales Code', table: standardCustomerSalesCode, area: 'customers',
  key: { param: 'id', field: 'id', kind: 'uuid' },
  createSchema: standardCustomerSalesCodeSchemas.create, updateSchema: standardCustomerSalesCodeSchemas.update,
  filters: ['customerNo', 'code', 'blocked', 'paymentMethodCode'], search: ['description'],
  // BC Code OnValidate: description and currency come from the Standard Sales Code (the description unless one is given).
  prepare: async (tx, values, previous) => {
    if (previous) return values;
    const [source] = await tx.select().from(standardSalesCode).where(eq(standardSalesCode.code, values.code as string));
    if (!source) return values;
    return { ...values, currencyCode: source.currencyCode, description: values.description ?? source.description };
  },
  validate: async (_tx, record) => {
    const [from, to] = [record.validFromDate as string | null, record.validToDate as string | null];
    if (from && to && compareDates(from, to) > 0) throw invalid(`Valid To Date ${to} is before Valid From Date ${from}.`, 'validToDate');
  },
};

const upperCased = () => z.string().trim().transform((value) => value.toUpperCase());

/** What Create Recurring Sales Invoices made; its "create schema" only brings filters to the stored form. */
export const recurringSalesInvoiceResource: ResourceDefinition = {
  name: 'recurringSalesInvoices', entity: 'Recurring Sales Invoice', table: recurringSalesInvoice, area: 'sales',
  key: { param: 'id', field: 'id', kind: 'uuid' }, readOnly: true,
  createSchema: z.strictObject({ customerNo: upperCased(), code: upperCased(), invoiceNo: upperCased() }),
  updateSchema: z.strictObject({}),
  filters: ['customerNo', 'code', 'invoiceNo', 'orderDate'],
  dateRangeField: 'orderDate',
};

export const standardSalesResources: ResourceDefinition[] = [
  standardSalesCodeResource, standardSalesLineResource, standardCustomerSalesCodeResource, recurringSalesInvoiceResource,
];

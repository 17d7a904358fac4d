/**
 * The receivables reports over the API (spec §20.1, §20.7), read with the customer ledger entries'
 * permission. Each answers JSON, or with `format=csv` the same report as a CSV download (text/csv,
 * RFC 4180 with CRLF line ends and a header row, written by csv-stringify; amounts as plain
 * decimals "1250.00", dates YYYY-MM-DD). A query parameter rather than the Accept header, so that a
 * plain link or `curl -O` downloads it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { toFixedString, type Decimal } from '../../core/money/decimal.ts';
import { defaultPeriodCount, defaultPeriodLength, type AgedAmounts, type AgedReceivables, type AgingPeriods } from '../../core/receivables/aging.ts';
import { agedReceivablesQuery, customerBalanceQuery, customerStatementQuery, type AgedReceivablesQuery } from '../../core/receivables/reports.schemas.ts';
import { agedReceivablesView, customerBalanceView, customerStatementView } from '../../core/receivables/reports.views.ts';
import type { Executor } from '../db/connection.ts';
import { agedReceivables, customerBalanceAsOf, customerStatementReport } from './reports.queries.ts';

const config = { area: 'posting' as const };
const tags = ['receivables'];
const csvDescription = 'Add `format=csv` to download the report as CSV (text/csv; charset=utf-8, a header row, RFC 4180) instead of JSON.';
const customerParams = z.object({ no: z.string() });

const money = (value: Decimal) => toFixedString(value, 2);
const amountsText = (amounts: AgedAmounts) => ({ amounts: amounts.amounts.map(money), balance: money(amounts.balance) });

function sendCsv(reply: FastifyReply, fileName: string, rows: ReadonlyArray<ReadonlyArray<string>>) {
  // A customer number may hold characters a header's quoted file name cannot.
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply.header('content-disposition', `attachment; filename="${safeName}"`).type('text/csv; charset=utf-8')
    .send(stringify(rows as string[][], { record_delimiter: 'windows' }));
}

function periodsOf(query: AgedReceivablesQuery): AgingPeriods {
  if (query.buckets) return { dayEdges: query.buckets };
  return { periodLength: query.periodLength ?? defaultPeriodLength, periods: query.periods ?? defaultPeriodCount };
}

function agedReceivablesJson(report: AgedReceivables): z.infer<typeof agedReceivablesView> {
  const withCurrency = (amounts: AgedAmounts & { currencyCode: string }) => ({ currencyCode: amounts.currencyCode, ...amountsText(amounts) });
  return {
    asOf: report.asOf, agingBy: report.agingBy, buckets: report.buckets,
    customers: report.customers.map((row) => ({ customerNo: row.customerNo, name: row.name, lcy: amountsText(row.lcy), currencies: row.currencies.map(withCurrency) })),
    totals: { lcy: amountsText(report.totals.lcy), currencies: report.totals.currencies.map(withCurrency) },
  };
}

/** One row per customer in LCY and a total row; or per customer and currency, with a total row per currency. */
function agedReceivablesCsv(report: AgedReceivables, amountsIn: 'lcy' | 'currency'): string[][] {
  const labels = report.buckets.map((bucket) => bucket.label);
  const amountCells = (amounts: AgedAmounts) => [...amounts.amounts.map(money), money(amounts.balance)];
  if (amountsIn === 'lcy') {
    return [
      ['Customer No.', 'Name', ...labels, 'Balance (LCY)'],
      ...report.customers.map((row) => [row.customerNo, row.name, ...amountCells(row.lcy)]),
      ['Total', '', ...amountCells(report.totals.lcy)],
    ];
  }
  return [
    ['Customer No.', 'Name', 'Currency Code', ...labels, 'Balance'],
    ...report.customers.flatMap((row) => row.currencies.map((amounts) => [row.customerNo, row.name, amounts.currencyCode, ...amountCells(amounts)])),
    ...report.totals.currencies.map((amounts) => ['Total', '', amounts.currencyCode, ...amountCells(amounts)]),
  ];
}

function registerAgedReceivablesRoute(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/receivables/agedReceivables', {
    config,
    schema: {
      tags,
      summary: 'Aged receivables as of a date: what each customer has open, by due date (or posting or document date), in buckets',
      description: 'Buckets: Current (not overdue at the as-of date: reference date on or after it), then the past periods (default 3 of 30D: '
        + '1–30, 31–60, 61–90 days), then older. What is open on an entry is Σ of its detailed entries posted up to the as-of date, so payments '
        + 'and applications posted later do not count; the total balance equals Balance (LCY) of all customers at that date. '
        + `Amounts per customer in LCY and per document currency ('' = LCY). ${csvDescription}`,
      querystring: agedReceivablesQuery,
      response: { 200: agedReceivablesView },
    },
  }, async (request, reply) => {
    const query = request.query;
    const report = await agedReceivables(getDb(), {
      asOf: query.asOf ?? request.workDate, agingBy: query.agingBy, periods: periodsOf(query), customerNo: query.customerNo,
    });
    if (query.format === 'csv') return sendCsv(reply, `aged-receivables-${report.asOf}.csv`, agedReceivablesCsv(report, query.amountsIn));
    return agedReceivablesJson(report);
  });
}

function registerCustomerBalanceRoute(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/customers/:no/balance', {
    config,
    schema: {
      tags,
      summary: 'Balance (LCY) and Balance Due (LCY) of a customer as of a date (entries and applications posted up to it; due before it)',
      description: csvDescription,
      params: customerParams, querystring: customerBalanceQuery, response: { 200: customerBalanceView },
    },
  }, async (request, reply) => {
    const balance = await customerBalanceAsOf(getDb(), request.params.no.trim().toUpperCase(), request.query.asOf ?? request.workDate);
    const view = { customerNo: balance.customerNo, asOf: balance.asOf, balanceLcy: money(balance.balanceLcy), balanceDueLcy: money(balance.balanceDueLcy) };
    if (request.query.format === 'csv') {
      return sendCsv(reply, `balance-${view.customerNo}-${view.asOf}.csv`, [
        ['Customer No.', 'As of', 'Balance (LCY)', 'Balance Due (LCY)'], [view.customerNo, view.asOf, view.balanceLcy, view.balanceDueLcy],
      ]);
    }
    return view;
  });
}

type StatementView = z.infer<typeof customerStatementView>;

/** The lines between an opening and a closing balance row. */
function statementCsv(statement: StatementView): string[][] {
  return [
    ['Posting Date', 'Document Type', 'Document No.', 'External Document No.', 'Description', 'Due Date', 'Currency Code', 'Amount', 'Amount (LCY)', 'Balance (LCY)'],
    [statement.from, '', '', '', 'Opening balance', '', '', '', '', statement.openingBalanceLcy],
    ...statement.lines.map((line) => [
      line.postingDate, line.documentType, line.documentNo, line.externalDocumentNo, line.description, line.dueDate ?? '', line.currencyCode,
      line.amount, line.amountLcy, line.balanceLcy,
    ]),
    [statement.to, '', '', '', 'Closing balance', '', '', '', '', statement.closingBalanceLcy],
  ];
}

function registerCustomerStatementRoute(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/customers/:no/statement', {
    config,
    schema: {
      tags,
      summary: 'Customer statement for a period: opening balance, the documents, payments and adjustments posted in it with a running balance, closing balance (LCY)',
      description: csvDescription,
      params: customerParams, querystring: customerStatementQuery, response: { 200: customerStatementView },
    },
  }, async (request, reply) => {
    const { from, to, format } = request.query;
    const statement = await customerStatementReport(getDb(), request.params.no.trim().toUpperCase(), from, to);
    const view: StatementView = {
      customerNo: statement.customerNo, name: statement.name, from, to, openingBalanceLcy: money(statement.openingBalanceLcy),
      lines: statement.lines.map((line) => ({ ...line, amount: money(line.amount), amountLcy: money(line.amountLcy), balanceLcy: money(line.balanceLcy) })),
      closingBalanceLcy: money(statement.closingBalanceLcy),
    };
    if (format === 'csv') return sendCsv(reply, `statement-${view.customerNo}-${from}-${to}.csv`, statementCsv(view));
    return view;
  });
}

export function registerReceivablesReportRoutes(app: FastifyInstance, getDb: () => Executor) {
  registerAgedReceivablesRoute(app, getDb);
  registerCustomerBalanceRoute(app, getDb);
  registerCustomerStatementRoute(app, getDb);
}

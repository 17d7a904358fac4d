import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { toFixedString } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customerStatistics, type CustomerStatistics } from './customer-statistics.ts';

const amountFields = [
  'creditLimitLcy', 'balanceLcy', 'balanceDueLcy', 'salesLcyThisYear', 'profitLcyThisYear', 'outstandingOrdersLcy', 'shippedNotInvoicedLcy',
  'outstandingInvoicesLcy', 'outstandingReturnOrdersLcy', 'returnReceivedNotInvoicedLcy', 'outstandingCreditMemosLcy', 'invoicedPrepaymentsLcy',
] as const satisfies readonly (keyof CustomerStatistics)[];

const statisticsSchema = z.object({
  customerNo: z.string(), workDate: z.string(),
  ...Object.fromEntries(amountFields.map((field) => [field, z.string()])) as Record<(typeof amountFields)[number], z.ZodString>,
});

/** `GET /api/v1/customers/{no}/statistics`, measured at the request's work date (X-Work-Date). */
export function registerCustomerStatisticsRoutes(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/customers/:no/statistics', {
    config: { area: 'customers' },
    schema: {
      tags: ['customers'],
      summary: 'Balance, balance due (at the work date), sales this year and what open sales documents add, in LCY incl. VAT',
      params: z.object({ no: z.string() }), response: { 200: statisticsSchema },
    },
  }, async (request) => {
    const statistics = await customerStatistics(getDb(), (request.params as { no: string }).no.trim().toUpperCase(), request.workDate);
    return {
      customerNo: statistics.customerNo, workDate: statistics.workDate,
      ...Object.fromEntries(amountFields.map((field) => [field, toFixedString(statistics[field], 2)])),
    } as z.infer<typeof statisticsSchema>;
  });
}

/**
 * What the receivables reports answer in JSON (the web app's types are their z.output). Amounts are
 * decimal strings; `amounts` lists one per bucket, in the order of `buckets`.
 */
import { z } from 'zod';
import { dateText, decimalText } from '../api/wire.schemas.ts';
import { agingBases } from './aging.ts';

const agedAmountsView = z.object({ amounts: z.array(decimalText()), balance: decimalText() });
const currencyAmountsView = agedAmountsView.extend({ currencyCode: z.string().describe("'' = local currency") });

export const agedReceivablesView = z.object({
  asOf: dateText(),
  agingBy: z.enum(agingBases),
  buckets: z.array(z.object({ label: z.string(), from: dateText().nullable(), to: dateText().nullable() })),
  customers: z.array(z.object({
    customerNo: z.string(),
    name: z.string(),
    lcy: agedAmountsView,
    currencies: z.array(currencyAmountsView),
  })),
  totals: z.object({ lcy: agedAmountsView, currencies: z.array(currencyAmountsView) }),
});

export const customerBalanceView = z.object({
  customerNo: z.string(),
  asOf: dateText(),
  balanceLcy: decimalText(),
  balanceDueLcy: decimalText(),
});

export const customerStatementView = z.object({
  customerNo: z.string(),
  name: z.string(),
  from: dateText(),
  to: dateText(),
  openingBalanceLcy: decimalText(),
  lines: z.array(z.object({
    postingDate: dateText(),
    entryType: z.string(),
    documentType: z.string(),
    documentNo: z.string(),
    externalDocumentNo: z.string(),
    description: z.string(),
    dueDate: dateText().nullable(),
    currencyCode: z.string(),
    amount: decimalText(),
    amountLcy: decimalText(),
    balanceLcy: decimalText(),
  })),
  closingBalanceLcy: decimalText(),
});

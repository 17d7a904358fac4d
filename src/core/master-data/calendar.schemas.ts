import { z } from 'zod';
import { code, dateFormula, integerField, optionalIsoDate, recordSchemas, text, codeReference } from './fields.ts';

/** BC's Base Calendar: a named set of working-day rules (spec §16.1). */
export const baseCalendarSchemas = recordSchemas({ code: code(10) }, { name: text(30) });

const changeFields = {
  recurringSystem: z.enum(['none', 'annual', 'weekly']).describe("'none': that date once; 'annual': that day and month every year; 'weekly': that weekday"),
  date: optionalIsoDate().describe("For 'none' and 'annual'"),
  day: integerField({ min: 1, max: 7 }).nullable().describe("For 'weekly': ISO weekday, 1 Monday … 7 Sunday"),
  description: text(30),
  nonworking: z.boolean(),
};

/** A Base Calendar Change: which date or weekday is (non)working. */
export const baseCalendarChangeSchemas = recordSchemas({}, changeFields, ['recurringSystem']);

/** A Customized Calendar Change: a company's, customer's, location's or shipping agent's exception to its base calendar. */
export const customizedCalendarChangeSchemas = recordSchemas({}, {
  sourceType: z.enum(['company', 'customer', 'location', 'shippingAgent']),
  sourceCode: text(20).transform((value) => value.toUpperCase()),
  baseCalendarCode: code(10),
  ...changeFields,
}, ['sourceType', 'baseCalendarCode', 'recurringSystem']);

/** BC's Order Promising Setup (spec §16.2). */
export const orderPromisingSetupUpdate = z.strictObject({
  offsetTime: dateFormula(),
  orderPromisingNos: codeReference(),
  worksheetName: text(10).transform((value) => value.toUpperCase()),
}).partial();

/** The receivables reports' JSON as the web app reads it: the z.output of the API's views in core. */
import type { z } from 'zod';
import type { agedReceivablesView, customerStatementView } from '../../core/receivables/reports.views.ts';

export type AgedReceivablesReport = z.output<typeof agedReceivablesView>;
export type CustomerStatementReport = z.output<typeof customerStatementView>;

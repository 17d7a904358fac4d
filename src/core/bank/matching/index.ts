/** Apply Automatically for the payment reconciliation journal: what the server and the web app use. */
export { applyAutomatically } from './apply-automatically.ts';
export { DEFAULT_PAYMENT_APPLICATION_RULES, TEXT_MAPPER_SCORE, confidenceOfScore, ruleScore } from './rules.ts';
export { amountRange } from './tolerance.ts';
export type * from './types.ts';

/** The Peppol electronic address of the company and of customers (EN 16931 BT-34, BT-49): endpoint ID and EAS scheme. */
import { text } from './fields.ts';

export const electronicAddress = () => text(100).describe('Peppol endpoint ID, e.g. a KvK number (scheme 0106) or KBO number (0208)');

export const electronicAddressScheme = () => text(4)
  .refine((value) => value === '' || /^\d{4}$/.test(value), 'must be a 4-digit EAS scheme code, e.g. 0106 (KvK), 0208 (KBO), 0088 (GLN)')
  .describe('Electronic Address Scheme (EAS) code of the endpoint ID');

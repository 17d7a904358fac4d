import type { SalesPrepaymentSalesType } from '../../core/sales/prepayment.ts';

/** A Sales Prepayment % row of an item (spec §26.1), as GET /salesPrepaymentPercents answers it. */
export interface SalesPrepaymentPercent {
  id: string;
  itemNo: string;
  salesType: SalesPrepaymentSalesType;
  /** A customer's No. or a customer price group's code; blank for All Customers. */
  salesCode: string;
  startingDate: string | null;
  endingDate: string | null;
  prepaymentPercent: string;
  version: number;
}

export const salesPrepaymentPercentsResource = '/salesPrepaymentPercents';

export const salesPrepaymentPercentsKey = (itemNo: string) => ['salesPrepaymentPercents', itemNo] as const;

export const salesTypeCaptions: Readonly<Record<SalesPrepaymentSalesType, string>> = {
  customer: 'Customer',
  customerPriceGroup: 'Customer Price Group',
  allCustomers: 'All Customers',
};

/** The rows in the order BC's page shows them: by sales type, sales code and starting date (none first). */
export function sortedPrepaymentPercents(rows: readonly SalesPrepaymentPercent[]): SalesPrepaymentPercent[] {
  const typeOrder = Object.keys(salesTypeCaptions);
  return [...rows].sort((a, b) => typeOrder.indexOf(a.salesType) - typeOrder.indexOf(b.salesType)
    || a.salesCode.localeCompare(b.salesCode)
    || (a.startingDate ?? '').localeCompare(b.startingDate ?? ''));
}

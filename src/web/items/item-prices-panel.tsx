import { salesLineDiscountSchemas, salesPriceSchemas } from '../../core/master-data/pricing.schemas.ts';
import type { FieldGroup } from '../components/record-fields.ts';
import { RecordRowsPanel, type RecordRowsSpec, type RowsColumn } from '../components/record-rows-panel.tsx';
import { formatDate } from '../format/dates.ts';
import { formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { caption } from '../i18n/captions.ts';

const priceSalesTypes = { allCustomers: 'All Customers', customer: 'Customer', customerPriceGroup: 'Customer Price Group', campaign: 'Campaign' } as const;
const discountSalesTypes = { allCustomers: 'All Customers', customer: 'Customer', customerDiscountGroup: 'Customer Disc. Group', campaign: 'Campaign' } as const;

const describe = (captions: Record<string, string>) => (row: Record<string, unknown>) =>
  [captions[String(row.salesType)], row.salesCode, row.startingDate, row.unitOfMeasureCode, row.minimumQuantity !== '0' ? `min ${String(row.minimumQuantity)}` : '']
    .filter(Boolean).join(' ');

/** The agreement's window, shared by prices and line discounts (BC: Starting Date … Minimum Quantity). */
const windowFields: FieldGroup['fields'] = [
  { name: 'startingDate', label: 'Starting Date (YYYY-MM-DD)', kind: 'text' },
  { name: 'endingDate', label: 'Ending Date (YYYY-MM-DD)', kind: 'text' },
  { name: 'currencyCode', label: 'Currency Code (blank: LCY)', kind: 'text' },
  { name: 'unitOfMeasureCode', label: 'Unit of Measure Code', kind: 'text' },
  { name: 'minimumQuantity', label: 'Minimum Quantity', kind: 'decimal' },
];

const windowColumns = (captions: Record<string, string>): RowsColumn[] => [
  { header: 'Sales Type', field: 'salesType', render: (row) => { const known = captions[String(row.salesType)]; return known ? caption(known) : String(row.salesType); } },
  { header: 'Sales Code', field: 'salesCode' },
  { header: 'Starting Date', field: 'startingDate', render: (row, locale) => formatDate(row.startingDate as string | null, locale) },
  { header: 'Ending Date', field: 'endingDate', render: (row, locale) => formatDate(row.endingDate as string | null, locale) },
  { header: 'Currency', field: 'currencyCode' },
  { header: 'Unit of Measure', field: 'unitOfMeasureCode' },
  { header: 'Minimum Quantity', field: 'minimumQuantity', align: 'right', render: (row, locale) => formatQuantity(String(row.minimumQuantity), locale) },
];

const keyFields = (captions: Record<string, string>): FieldGroup['fields'] => [
  { name: 'salesType', label: 'Sales Type', kind: 'choice', options: captions },
  { name: 'salesCode', label: 'Sales Code', kind: 'text' },
];

/** The item's Sales Prices (BC Sales Prices filtered on the item): all customers, a customer, a price group or a campaign. */
export function ItemSalesPricesPanel({ itemNo }: { itemNo: string }) {
  const priceFields: FieldGroup['fields'] = [
    { name: 'unitPrice', label: 'Unit Price', kind: 'decimal' },
    { name: 'priceIncludesVat', label: 'Price Includes VAT', kind: 'boolean' },
    { name: 'allowLineDiscount', label: 'Allow Line Disc.', kind: 'boolean' },
    { name: 'allowInvoiceDiscount', label: 'Allow Invoice Disc.', kind: 'boolean' },
  ];
  const spec: RecordRowsSpec = {
    title: 'Sales Prices', noun: 'sales price', resource: '/salesPrices', filter: { itemNo },
    keyOf: (row) => String(row.id), describe: describe(priceSalesTypes),
    columns: [
      ...windowColumns(priceSalesTypes),
      { header: 'Unit Price', field: 'unitPrice', align: 'right', render: (row, locale) => formatUnitPrice(String(row.unitPrice), locale) },
    ],
    newFields: [{ title: 'Sales Price', fields: [...keyFields(priceSalesTypes), ...windowFields, ...priceFields] }],
    fields: [{ title: 'Sales Price', fields: [...windowFields, ...priceFields] }],
    newDefaults: { salesType: 'allCustomers', allowLineDiscount: true, allowInvoiceDiscount: true },
    fixed: { itemNo },
    schemas: salesPriceSchemas,
    hint: 'Prices that replace the item\'s Unit Price on a sales line when the customer, date, currency, unit and quantity match; the lowest applies.',
  };
  return <RecordRowsPanel spec={spec} />;
}

/** The item's Sales Line Discounts (BC Sales Line Discounts of Type Item and this item's number). */
export function ItemLineDiscountsPanel({ itemNo }: { itemNo: string }) {
  const spec: RecordRowsSpec = {
    title: 'Sales Line Discounts', noun: 'sales line discount', resource: '/salesLineDiscounts', filter: { type: 'item', code: itemNo },
    keyOf: (row) => String(row.id), describe: describe(discountSalesTypes),
    columns: [
      ...windowColumns(discountSalesTypes),
      { header: 'Line Discount %', field: 'lineDiscountPercent', align: 'right', render: (row, locale) => formatQuantity(String(row.lineDiscountPercent), locale) },
    ],
    newFields: [{ title: 'Sales Line Discount', fields: [...keyFields(discountSalesTypes), ...windowFields, { name: 'lineDiscountPercent', label: 'Line Discount %', kind: 'decimal' }] }],
    fields: [{ title: 'Sales Line Discount', fields: [...windowFields, { name: 'lineDiscountPercent', label: 'Line Discount %', kind: 'decimal' }] }],
    newDefaults: { salesType: 'allCustomers' },
    fixed: { type: 'item', code: itemNo },
    schemas: salesLineDiscountSchemas,
    hint: 'The Line Discount % a sales line of this item gets; the highest that matches applies.',
  };
  return <RecordRowsPanel spec={spec} />;
}

import { customerTemplateFields } from '../../core/master-data/customer-template.schemas.ts';
import { customerTemplateSchemas } from '../../core/master-data/customer-template.schemas.ts';
import type { FieldGroup, FieldSpec } from '../components/record-fields.ts';
import { RecordRowsPanel, type RecordRowsSpec } from '../components/record-rows-panel.tsx';
import { formatAmount } from '../format/numbers.ts';
import { customerFieldGroups, newCustomerDefaults } from './customer-fields.ts';

/** The customer card's fields a template fills, in the card's FastTabs. */
const templateFieldGroups: readonly FieldGroup[] = customerFieldGroups
  .map((group) => ({ ...group, fields: group.fields.filter((field) => (customerTemplateFields as readonly string[]).includes(field.name)) }))
  .filter((group) => group.fields.length > 0);

const general: FieldSpec[] = [{ name: 'description', label: 'Description', kind: 'text' }];

export const customerTemplateSpec: RecordRowsSpec = {
  title: 'Customer Templates', noun: 'customer template', resource: '/customerTemplates',
  keyOf: (row) => String(row.code), describe: (row) => String(row.code),
  columns: [
    { header: 'Code', field: 'code' }, { header: 'Description', field: 'description' },
    { header: 'Customer Posting Group', field: 'customerPostingGroup' }, { header: 'Gen. Bus. Posting Group', field: 'genBusPostingGroup' },
    { header: 'VAT Bus. Posting Group', field: 'vatBusPostingGroup' }, { header: 'Payment Terms', field: 'paymentTermsCode' },
    { header: 'Currency', field: 'currencyCode' }, { header: 'Country/Region', field: 'countryRegionCode' },
    { header: 'Credit Limit (LCY)', field: 'creditLimitLcy', align: 'right', render: (row, locale) => formatAmount(String(row.creditLimitLcy), locale) },
  ],
  newFields: [{ title: 'Template', fields: [{ name: 'code', label: 'Code', kind: 'text' }, ...general] }, ...templateFieldGroups],
  fields: [{ title: 'Template', fields: general }, ...templateFieldGroups],
  newDefaults: newCustomerDefaults,
  schemas: customerTemplateSchemas,
  hint: 'A new customer made from a template gets its posting groups, terms and the other values below in one step; what is typed on the new customer wins.',
};

/** BC's Customer Templates: the kinds of customer a new one starts as (domestic, EU, export …). */
export function CustomerTemplatesPage() {
  return <RecordRowsPanel spec={customerTemplateSpec} page />;
}

import { eq } from 'drizzle-orm';
import { customerTemplateFields, customerTemplateSchemas } from '../../core/master-data/customer-template.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { customerTemplate } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

/** BC's Customer Templ. (Customer Templates page): the defaults one kind of new customer starts from. */
export const customerTemplateResource: ResourceDefinition = {
  name: 'customerTemplates', entity: 'Customer Template', table: customerTemplate, area: 'customers',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: customerTemplateSchemas.create, updateSchema: customerTemplateSchemas.update,
  filters: ['customerPostingGroup', 'genBusPostingGroup', 'vatBusPostingGroup', 'currencyCode', 'countryRegionCode'],
  search: ['code', 'description'],
};

/**
 * A new customer's values with its template's filled in (BC's Customer Templ. Mgt.): every field the
 * template holds, except those the request gives explicitly, which win. A blank Invoice Disc. Code on
 * the template leaves the customer's own default (its number).
 */
export async function applyCustomerTemplate(tx: Executor, templateCode: string, values: Row): Promise<Row> {
  const [template] = await tx.select().from(customerTemplate).where(eq(customerTemplate.code, templateCode));
  if (!template) {
    throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Customer Template', value: templateCode, field: 'templateCode' }, 'templateCode');
  }
  const filled: Row = { ...values };
  for (const field of customerTemplateFields) {
    if (filled[field] !== undefined) continue;
    const value = (template as Row)[field];
    if (field === 'invoiceDiscountCode' && value === '') continue;
    filled[field] = value;
  }
  return filled;
}


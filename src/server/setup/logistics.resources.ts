import {
  currencyExchangeRateSchemas, currencySchemas, locationSchemas, paymentMethodSchemas, paymentTermsSchemas, purchasingSchemas,
  salespersonPurchaserSchemas, shipmentMethodSchemas, shippingAgentSchemas, unitOfMeasureSchemas,
} from '../../core/master-data/logistics.schemas.ts';
import {
  currency, currencyExchangeRate, location, paymentMethod, paymentTerms, purchasing, salespersonPurchaser, shipmentMethod, shippingAgent,
  unitOfMeasure,
} from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { bankAccount } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { checkAccounts } from '../master-data/resource.commands.ts';

const byCode = { param: 'code', field: 'code', kind: 'code' } as const;

/** A payment method's balancing account: a posting G/L account, or an existing bank account. */
async function checkBalancingAccount(tx: Executor, record: Row): Promise<void> {
  if (typeof record.balancingAccountNo !== 'string') return;
  if (record.balancingAccountType !== 'bankAccount') return checkAccounts(tx, { accountFields: ['balancingAccountNo'] }, record);
  const [bank] = await tx.select({ no: bankAccount.no }).from(bankAccount).where(eq(bankAccount.no, record.balancingAccountNo));
  if (!bank) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Bank Account', value: record.balancingAccountNo, field: 'balancingAccountNo' }, 'balancingAccountNo');
}

/**
 * A currency's Max. Payment Tolerance Amount and Appln. Rounding Precision are amounts of the
 * currency: each must be a whole multiple of its Amount Rounding Precision (BC rounds the first to it).
 */
async function checkCurrencyAmounts(_tx: Executor, record: Row): Promise<void> {
  const precision = dec(String(record.amountRoundingPrecision));
  for (const field of ['maxPaymentToleranceAmount', 'applnRoundingPrecision'] as const) {
    const value = dec(String(record[field] ?? '0'));
    if (!value.mod(precision).isZero()) {
      throw new DomainError('INVALID_INPUT', {
        detail: `${field} ${value.toString()} must be a multiple of the currency's Amount Rounding Precision ${precision.toString()}`,
      }, field);
    }
  }
}

/** A purchasing code is a drop shipment or a special order, not both (BC). */
async function checkPurchasingKind(_tx: Executor, record: Row): Promise<void> {
  if (record.dropShipment === true && record.specialOrder === true) {
    throw new DomainError('INVALID_INPUT', { detail: 'a purchasing code is either a drop shipment or a special order, not both' }, 'specialOrder');
  }
}

export const logisticsResources: ResourceDefinition[] = [
  {
    name: 'locations', entity: 'Location', table: location, area: 'setup', key: byCode,
    createSchema: locationSchemas.create, updateSchema: locationSchemas.update, filters: ['city', 'countryRegionCode'], search: ['name', 'city'],
  },
  {
    name: 'unitsOfMeasure', entity: 'Unit of Measure', table: unitOfMeasure, area: 'setup', key: byCode,
    createSchema: unitOfMeasureSchemas.create, updateSchema: unitOfMeasureSchemas.update, filters: ['internationalStandardCode'], search: ['description'],
  },
  {
    name: 'shipmentMethods', entity: 'Shipment Method', table: shipmentMethod, area: 'setup', key: byCode,
    createSchema: shipmentMethodSchemas.create, updateSchema: shipmentMethodSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'shippingAgents', entity: 'Shipping Agent', table: shippingAgent, area: 'setup', key: byCode,
    createSchema: shippingAgentSchemas.create, updateSchema: shippingAgentSchemas.update, filters: [], search: ['name'],
  },
  {
    name: 'purchasingCodes', entity: 'Purchasing', table: purchasing, area: 'setup', key: byCode,
    createSchema: purchasingSchemas.create, updateSchema: purchasingSchemas.update, filters: ['dropShipment', 'specialOrder'], search: ['description'],
    validate: checkPurchasingKind,
  },
  {
    name: 'paymentTerms', entity: 'Payment Terms', table: paymentTerms, area: 'setup', key: byCode,
    createSchema: paymentTermsSchemas.create, updateSchema: paymentTermsSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'paymentMethods', entity: 'Payment Method', table: paymentMethod, area: 'setup', key: byCode,
    createSchema: paymentMethodSchemas.create, updateSchema: paymentMethodSchemas.update, filters: ['directDebit'], search: ['description'],
    validate: checkBalancingAccount,
  },
  {
    name: 'currencies', entity: 'Currency', table: currency, area: 'setup', key: byCode,
    createSchema: currencySchemas.create, updateSchema: currencySchemas.update, filters: [], search: ['description'],
    accountFields: ['realizedGainsAccount', 'realizedLossesAccount', 'unrealizedGainsAccount', 'unrealizedLossesAccount'],
    validate: checkCurrencyAmounts,
  },
  {
    name: 'exchangeRates', entity: 'Currency Exchange Rate', table: currencyExchangeRate, area: 'setup',
    parent: { resource: 'currencies', entity: 'Currency', param: 'currencyCode', field: 'currencyCode', table: currency, parentField: 'code' },
    key: { param: 'startingDate', field: 'startingDate', kind: 'date' },
    createSchema: currencyExchangeRateSchemas.create, updateSchema: currencyExchangeRateSchemas.update, filters: [],
  },
  {
    name: 'salespeople', entity: 'Salesperson', table: salespersonPurchaser, area: 'setup', key: byCode,
    createSchema: salespersonPurchaserSchemas.create, updateSchema: salespersonPurchaserSchemas.update, filters: ['blocked'], search: ['name', 'email'],
  },
];

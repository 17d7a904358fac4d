import { z } from 'zod';
import { code, codeReference, dateFormula, integerField, quantity, recordSchemas, requiredText, text, unitAmount } from './fields.ts';

export const itemTypes = ['inventory', 'service', 'nonInventory'] as const;
export const costingMethods = ['fifo', 'average', 'standard'] as const;
const defaultYesNo = ['default', 'no', 'yes'] as const;

export const itemSchemas = recordSchemas({ no: code().optional() }, {
  description: requiredText(100),
  description2: text(50),
  searchDescription: text(100),
  type: z.enum(itemTypes),
  baseUnitOfMeasure: code(10),
  salesUnitOfMeasure: codeReference(10),
  unitPrice: unitAmount({ min: '0' }),
  priceIncludesVat: z.boolean(),
  unitCost: unitAmount({ min: '0' }),
  standardCost: unitAmount({ min: '0' }),
  lastDirectCost: unitAmount({ min: '0' }),
  costingMethod: z.enum(costingMethods),
  genProdPostingGroup: codeReference(),
  vatProdPostingGroup: codeReference(),
  inventoryPostingGroup: codeReference(),
  itemDiscountGroup: codeReference(),
  allowInvoiceDiscount: z.boolean(),
  blocked: z.boolean(),
  salesBlocked: z.boolean(),
  preventNegativeInventory: z.enum(defaultYesNo),
  stockoutWarning: z.enum(defaultYesNo),
  reserve: z.enum(['never', 'optional', 'always']),
  critical: z.boolean(),
  assemblyPolicy: z.enum(['assembleToStock', 'assembleToOrder']),
  replenishmentSystem: z.enum(['purchase', 'prodOrder', 'assembly', 'transfer']),
  vendorNo: codeReference(),
  vendorItemNo: text(50),
  leadTimeCalculation: dateFormula(),
  safetyLeadTime: dateFormula(),
  purchasingCode: text(10).transform((value) => value.toUpperCase()),
  gtin: text(14).refine((value) => value === '' || /^\d{8,14}$/.test(value), 'must be a GTIN of 8 to 14 digits'),
}, ['description', 'baseUnitOfMeasure']);

export const itemUnitOfMeasureSchemas = recordSchemas({ code: code(10) }, {
  quantityPerUnitOfMeasure: quantity({ positive: true }),
});

export const itemDiscountGroupSchemas = recordSchemas({ code: code() }, { description: text(100) });

/** A component line of an item's Assembly BOM (spec §15.3): Quantity per one unit of the parent, in the component's unit. */
export const assemblyBomComponentSchemas = recordSchemas({ lineNo: integerField({ min: 1 }).optional() }, {
  type: z.enum(['item']),
  no: code(),
  description: text(100),
  quantityPer: quantity({ positive: true }),
  unitOfMeasureCode: codeReference(10),
}, ['no', 'quantityPer']);

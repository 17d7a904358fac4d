import { code, codeReference, recordSchemas, requiredText, text, unitAmount } from './fields.ts';

/** BC's Catalog Item (Nonstock Item): a vendor's item we do not keep, made an item when first sold (spec §15.2). */
export const catalogItemSchemas = recordSchemas({ entryNo: code() }, {
  vendorNo: code(),
  vendorItemNo: requiredText(50),
  description: text(100),
  unitOfMeasureCode: codeReference(10),
  publishedCost: unitAmount(),
  negotiatedCost: unitAmount(),
  unitPrice: unitAmount(),
  genProdPostingGroup: codeReference(),
  vatProdPostingGroup: codeReference(),
  inventoryPostingGroup: codeReference(),
}, ['vendorNo', 'vendorItemNo']);

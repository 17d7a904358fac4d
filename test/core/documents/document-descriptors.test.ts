import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  type DocumentDescriptor, descriptorsOf, documentDescriptor, purchaseDescriptors, salesDescriptor, salesDescriptors,
} from '../../../src/core/documents/document-descriptors.ts';
import {
  type DocumentFamily, editablePurchaseDocumentTypes, editableSalesDocumentTypes, postableSalesDocumentTypes, postedPurchaseDocumentTypes, postedSalesDocumentTypes,
  purchaseDocumentTypes, salesDocumentTypes,
} from '../../../src/core/documents/document-types.ts';
import { postedDocumentDescriptor, postedPurchaseDescriptors, postedSalesDescriptorOf, postedSalesDescriptors } from '../../../src/core/documents/posted-document-descriptors.ts';
import { domainErrorCodes } from '../../../src/core/errors.ts';
import { salesDocumentTypeCaptions } from '../../../src/core/sales/types.ts';
import { salesLine, salesReceivablesSetup } from '../../../src/server/db/schema/index.ts';
import * as typeColumns from '../../../src/server/db/schema/type-columns.ts';

const all: DocumentDescriptor[] = [...descriptorsOf('sales'), ...descriptorsOf('purchase')];
const posting = all.filter((descriptor) => descriptor.handling !== null);
const postedAll = [...Object.values(postedSalesDescriptors), ...Object.values(postedPurchaseDescriptors)];
const name = (descriptor: DocumentDescriptor) => `${descriptor.family} ${descriptor.type}`;

/** What each family's posting writes, by the direction of the goods: spelled out, not derived. */
const expectedPosted: Record<DocumentFamily, Record<'outbound' | 'inbound', [string, string, 1 | -1]>> = {
  sales: { outbound: ['shipment', 'invoice', 1], inbound: ['returnReceipt', 'creditMemo', -1] },
  purchase: { inbound: ['receipt', 'invoice', 1], outbound: ['returnShipment', 'creditMemo', -1] },
};

describe('document descriptors: one per type', () => {
  it('covers every sales and purchase document type, keyed by its own type and family', () => {
    expect(Object.keys(salesDescriptors)).toEqual([...salesDocumentTypes]);
    expect(Object.keys(purchaseDescriptors)).toEqual([...purchaseDocumentTypes]);
    for (const descriptor of all) expect(documentDescriptor(descriptor.family, descriptor.type as never)).toBe(descriptor);
    expect(Object.keys(postedSalesDescriptors)).toEqual([...postedSalesDocumentTypes]);
    expect(Object.keys(postedPurchaseDescriptors)).toEqual([...postedPurchaseDocumentTypes]);
  });

  it.each([
    // type, direction, handling, invoicing, own series, resource, posting description prefix
    ['quote', 'outbound', null, null, 'quoteNos', 'salesQuotes', null],
    ['order', 'outbound', 'shipment', 'invoice', 'orderNos', 'salesOrders', 'Order'],
    ['invoice', 'outbound', 'shipment', 'invoice', 'invoiceNos', 'salesInvoices', 'Invoice'],
    ['creditMemo', 'inbound', 'returnReceipt', 'creditMemo', 'creditMemoNos', 'salesCreditMemos', 'Credit Memo'],
    ['returnOrder', 'inbound', 'returnReceipt', 'creditMemo', 'returnOrderNos', 'salesReturnOrders', 'Return Order'],
    ['blanketOrder', 'outbound', null, null, 'blanketOrderNos', 'salesBlanketOrders', null],
  ] as const)('sales %s: %s, handled by %s, billed by %s, numbered from %s, served as %s', (type, direction, handling, invoicing, series, resource, prefix) => {
    const descriptor = salesDescriptor(type);
    expect(descriptor).toMatchObject({ family: 'sales', type, direction, seriesField: series, resource, postingDescriptionPrefix: prefix });
    expect(descriptor.handling?.postedType ?? null).toBe(handling);
    expect(descriptor.invoicing?.postedType ?? null).toBe(invoicing);
  });

  it('sales quantity fields and series fields are the ones the posting code names', () => {
    expect(salesDescriptor('order').lineHandling).toMatchObject({ quantityToHandleField: 'quantityToShip', quantityHandledField: 'quantityShipped', postedDocumentNoField: 'shipmentNo' });
    expect(salesDescriptor('returnOrder').lineHandling).toMatchObject({
      quantityToHandleField: 'returnQuantityToReceive', quantityHandledField: 'returnQuantityReceived', postedDocumentNoField: 'returnReceiptNo',
    });
    expect(salesDescriptor('invoice').handling).toMatchObject({ seriesField: 'postedShipmentNos', itemLedgerDocumentType: 'salesShipment', setupSwitch: 'shipmentOnInvoice' });
    expect(salesDescriptor('order').invoicing).toMatchObject({ seriesField: 'postedInvoiceNos', itemLedgerDocumentType: 'salesInvoice', partyLedgerDocumentType: 'invoice' });
    expect(salesDescriptor('creditMemo').handling).toMatchObject({ seriesField: 'postedReturnReceiptNos', itemLedgerDocumentType: 'salesReturnReceipt', setupSwitch: 'returnReceiptOnCreditMemo' });
    expect(salesDescriptor('returnOrder').invoicing).toMatchObject({ seriesField: 'postedCreditMemoNos', itemLedgerDocumentType: 'salesCreditMemo', partyLedgerDocumentType: 'creditMemo' });
    expect(salesDescriptor('invoice')).toMatchObject({ stockSign: -1, orderType: 'order' });
    expect(salesDescriptor('creditMemo')).toMatchObject({ stockSign: 1, orderType: 'returnOrder' });
  });
});

describe('document descriptors are consistent', () => {
  it.each(posting.map((descriptor) => [name(descriptor), descriptor] as const))('%s: handling and invoicing follow family and direction', (_, descriptor) => {
    const [handlingType, invoicingType, sign] = expectedPosted[descriptor.family][descriptor.direction];
    expect(descriptor.handling!.postedType).toBe(handlingType);
    expect(descriptor.invoicing!.postedType).toBe(invoicingType);
    expect(descriptor.lineHandling.handlingType).toBe(handlingType);
    expect([descriptor.sign, descriptor.handling!.sign, descriptor.invoicing!.sign]).toEqual([sign, sign, sign]);
    expect([descriptor.handling!.direction, descriptor.invoicing!.direction]).toEqual([descriptor.direction, descriptor.direction]);
    expect([descriptor.handling!.role, descriptor.invoicing!.role]).toEqual(['handling', 'invoicing']);
    expect(descriptor.invoicing!.partyLedgerDocumentType).toBe(descriptor.invoicing!.postedType);
    expect(descriptor.handling!.partyLedgerDocumentType).toBeNull();
    expect(descriptor.stockSign).toBe(descriptor.direction === 'inbound' ? 1 : -1);
    expect(descriptor.orderType).toBe(sign === 1 ? 'order' : 'returnOrder');
  });

  it('inbound sales documents receive back and credit; outbound ones ship and invoice', () => {
    for (const descriptor of descriptorsOf('sales').filter((candidate) => candidate.handling)) {
      const inbound = descriptor.direction === 'inbound';
      expect(descriptor.handling!.postedType).toBe(inbound ? 'returnReceipt' : 'shipment');
      expect(descriptor.invoicing!.postedType).toBe(inbound ? 'creditMemo' : 'invoice');
      expect(descriptor.lineHandling.verb).toBe(inbound ? 'receive' : 'ship');
    }
  });

  it.each(all.map((descriptor) => [name(descriptor), descriptor] as const))('%s: posting flags agree with each other', (_, descriptor) => {
    const posts = descriptor.handling !== null;
    expect(descriptor.invoicing !== null).toBe(posts);
    expect(descriptor.postingDescriptionPrefix !== null).toBe(posts);
    expect(descriptor.postsInFull || descriptor.partialInvoicing).toBe(posts);
    expect(descriptor.postsInFull && descriptor.partialInvoicing).toBe(false);
    // Only documents posted in full need the setup's permission to write their handling document.
    expect(descriptor.handling?.setupSwitch != null).toBe(descriptor.postsInFull);
    expect(descriptor.canShip).toBe(descriptor.canPost && posts);
    expect(descriptor.canInvoice).toBe(descriptor.canPost && posts);
    if (descriptor.canPost) expect(descriptor.canEdit).toBe(true);
    if (descriptor.canPost) expect(posts).toBe(true);
    expect(descriptor.caption).toContain(descriptor.family === 'sales' ? 'Sales' : 'Purchase');
  });

  it('documents are edited and posted exactly as the lists say', () => {
    expect(descriptorsOf('sales').filter((descriptor) => descriptor.canEdit).map((descriptor) => descriptor.type)).toEqual([...editableSalesDocumentTypes]);
    expect(descriptorsOf('sales').filter((descriptor) => descriptor.canPost).map((descriptor) => descriptor.type)).toEqual([...postableSalesDocumentTypes]);
    expect(descriptorsOf('purchase').filter((descriptor) => descriptor.canEdit).map((descriptor) => descriptor.type)).toEqual([...editablePurchaseDocumentTypes]);
    expect(descriptorsOf('purchase').filter((descriptor) => descriptor.canPost).map((descriptor) => descriptor.type)).toEqual([...editablePurchaseDocumentTypes]);
  });

  it('resources are unique across families, paths within a family', () => {
    const resources = [...all, ...postedAll].map((descriptor) => descriptor.resource);
    expect(new Set(resources).size).toBe(resources.length);
    for (const family of ['sales', 'purchase'] as const) {
      const paths = descriptorsOf(family).map((descriptor) => descriptor.path);
      const postedPaths = postedAll.filter((descriptor) => descriptor.family === family).map((descriptor) => descriptor.path);
      expect(new Set(paths).size).toBe(paths.length);
      expect(new Set(postedPaths).size).toBe(postedPaths.length);
    }
  });

  it('a posted descriptor is the same object whichever way it is reached', () => {
    for (const descriptor of posting) {
      expect(descriptor.handling).toMatchObject(postedDocumentDescriptor(descriptor.family, descriptor.handling!.postedType as never));
      expect(descriptor.invoicing).toMatchObject(postedDocumentDescriptor(descriptor.family, descriptor.invoicing!.postedType as never));
    }
    expect(postedSalesDescriptorOf('salesReturnReceipt')?.postedType).toBe('returnReceipt');
    expect(postedSalesDescriptorOf('invoice')?.postedType).toBe('invoice');
    expect(postedSalesDescriptorOf('payment')).toBeUndefined();
  });

  it('over-handling errors are catalogued, and message captions come from the descriptors', () => {
    for (const descriptor of all) expect(domainErrorCodes).toContain(descriptor.lineHandling.overHandlingErrorCode);
    expect(salesDocumentTypeCaptions).toMatchObject({ order: 'sales order', blanketOrder: 'blanket sales order', creditMemo: 'sales credit memo' });
  });
});

describe('document descriptors name what the database has', () => {
  const setupColumns = Object.keys(getTableColumns(salesReceivablesSetup));
  const lineColumns = Object.keys(getTableColumns(salesLine));

  it('every sales series field and setup switch is a column of Sales & Receivables Setup', () => {
    for (const descriptor of descriptorsOf('sales')) {
      expect(setupColumns).toContain(descriptor.seriesField);
      if (descriptor.handling?.setupSwitch) expect(setupColumns).toContain(descriptor.handling.setupSwitch);
    }
    for (const posted of Object.values(postedSalesDescriptors)) expect(setupColumns).toContain(posted.seriesField);
  });

  it('every sales line field a descriptor names is a column of the sales line', () => {
    for (const { lineHandling } of descriptorsOf('sales')) {
      for (const field of [lineHandling.quantityToHandleField, lineHandling.quantityHandledField, lineHandling.postedDocumentNoField, lineHandling.postedLineNoField]) {
        expect(lineColumns).toContain(field);
      }
    }
  });

  it('item ledger and party ledger document types are values the database accepts', () => {
    for (const posted of postedAll) {
      expect(typeColumns.itemLedgerDocumentTypes).toContain(posted.itemLedgerDocumentType);
      if (posted.partyLedgerDocumentType) expect(typeColumns.ledgerDocumentTypes).toContain(posted.partyLedgerDocumentType);
    }
    expect([...typeColumns.postedSalesDocumentTypes]).toEqual([...postedSalesDocumentTypes]);
  });
});

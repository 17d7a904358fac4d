import { describe, expect, it } from 'vitest';
import {
  type ReleaseDocument,
  type ReleaseLine,
  assertEditable,
  headerFieldsEditableWhenReleased,
  lineFieldsEditableWhenReleased,
  releaseProblems,
} from '../../../src/core/sales/status.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import type { SalesDocumentStatus } from '../../../src/core/sales/types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function line(overrides: Partial<ReleaseLine> = {}): ReleaseLine {
  return { lineNo: 10000, type: 'item', no: '1000', quantity: dec('10'), unitOfMeasureCode: 'PCS', locationCode: 'BLUE', ...overrides };
}

function document(lines: readonly ReleaseLine[], overrides: Partial<ReleaseDocument> = {}): ReleaseDocument {
  return { documentType: 'order', sellToCustomerNo: 'C10000', lines, ...overrides };
}

const withoutLocation = { locationMandatory: false };
const withLocation = { locationMandatory: true };

describe('releaseProblems (spec §3.1–3.2)', () => {
  it.each<[string, ReleaseDocument, { locationMandatory: boolean }]>([
    ['an item line', document([line()]), withLocation],
    ['a G/L account line', document([line({ type: 'glAccount', no: '6100', unitOfMeasureCode: null, locationCode: null })]), withLocation],
    ['a negative quantity', document([line({ quantity: dec('-1') })]), withLocation],
    ['an item without location when Location Mandatory is off', document([line({ locationCode: null })]), withoutLocation],
    ['an item line of quantity 0 without unit next to a releasable line', document([line({ quantity: dec('0'), unitOfMeasureCode: null, locationCode: null }), line({ lineNo: 20000 })]), withLocation],
    ['comment lines next to a releasable line', document([line({ type: 'comment', no: '', quantity: dec('0'), unitOfMeasureCode: null }), line({ lineNo: 20000 })]), withLocation],
    ['a quote', document([line()], { documentType: 'quote' }), withoutLocation],
    ['a credit memo', document([line()], { documentType: 'creditMemo' }), withoutLocation],
    ['a service item without location when Location Mandatory is on', document([line({ locationCode: null, inventoryItem: false })]), withLocation],
  ])('lets %s be released', (_, releasable, setup) => {
    expect(() => releaseProblems(releasable, setup)).not.toThrow();
  });

  it.each<[string, ReleaseDocument, { locationMandatory: boolean }, string, string | undefined]>([
    ['no lines', document([]), withoutLocation, 'NOTHING_TO_RELEASE', undefined],
    ['only comment lines', document([line({ type: 'comment', no: '', quantity: dec('0') })]), withoutLocation, 'NOTHING_TO_RELEASE', undefined],
    ['a comment line with a quantity', document([line({ type: 'comment', no: '', quantity: dec('1') })]), withoutLocation, 'NOTHING_TO_RELEASE', undefined],
    ['only lines of quantity 0', document([line({ quantity: dec('0') }), line({ type: 'glAccount', quantity: dec('0') })]), withoutLocation, 'NOTHING_TO_RELEASE', undefined],
    ['no sell-to customer', document([line()], { sellToCustomerNo: null }), withoutLocation, 'FIELD_REQUIRED', 'sellToCustomerNo'],
    ['a blank sell-to customer', document([line()], { sellToCustomerNo: ' ' }), withoutLocation, 'FIELD_REQUIRED', 'sellToCustomerNo'],
    ['an item without unit of measure', document([line({ unitOfMeasureCode: null })]), withoutLocation, 'UNIT_OF_MEASURE_MISSING', 'lines.0.unitOfMeasureCode'],
    ['an item with a blank unit of measure', document([line(), line({ lineNo: 20000, unitOfMeasureCode: '' })]), withoutLocation, 'UNIT_OF_MEASURE_MISSING', 'lines.1.unitOfMeasureCode'],
    ['an item without location when Location Mandatory is on', document([line(), line({ lineNo: 20000, locationCode: null })]), withLocation, 'LOCATION_MISSING', 'lines.1.locationCode'],
    ['an item without location at index 2 after a comment', document([line({ type: 'comment', no: '', quantity: dec('0') }), line({ lineNo: 20000 }), line({ lineNo: 30000, locationCode: '' })]), withLocation, 'LOCATION_MISSING', 'lines.2.locationCode'],
  ])('refuses %s', (_, blocked, setup, code, field) => {
    const error = domainErrorOf(() => releaseProblems(blocked, setup));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('checks in BC order: sell-to customer, nothing to release, then per line location before unit of measure', () => {
    const everythingWrong = document([line({ unitOfMeasureCode: null, locationCode: null })], { sellToCustomerNo: null });
    expect(domainErrorOf(() => releaseProblems(everythingWrong, withLocation)).code).toBe('FIELD_REQUIRED');
    expect(domainErrorOf(() => releaseProblems({ ...everythingWrong, lines: [] }, withLocation)).code).toBe('FIELD_REQUIRED');
    expect(domainErrorOf(() => releaseProblems(document([]), withLocation)).code).toBe('NOTHING_TO_RELEASE');
    expect(domainErrorOf(() => releaseProblems(document(everythingWrong.lines), withLocation)).code).toBe('LOCATION_MISSING');
    const unitFirstLine = document([line({ unitOfMeasureCode: null }), line({ lineNo: 20000, locationCode: null })]);
    expect(domainErrorOf(() => releaseProblems(unitFirstLine, withLocation)).field).toBe('lines.0.unitOfMeasureCode');
  });

  it('names the line in the message', () => {
    const error = domainErrorOf(() => releaseProblems(document([line({ lineNo: 20000, no: '1920-S', unitOfMeasureCode: null })]), withoutLocation));
    expect(error.message).toContain('line 20000');
    expect(error.message).toContain('1920-S');
    expect(domainErrorOf(() => releaseProblems(document([]), withoutLocation)).message).toContain('nothing to release for the sales order');
  });
});

describe('fields editable when released (spec §3.4)', () => {
  it.each(['postingDate', 'documentDate', 'externalDocumentNo', 'yourReference', 'shipmentDate', 'requestedDeliveryDate',
    'promisedDeliveryDate', 'shippingAgentCode', 'shippingAgentServiceCode', 'packageTrackingNo', 'dueDate', 'paymentDiscountDate'])(
    'header %s stays editable', (field) => {
      expect(headerFieldsEditableWhenReleased).toContain(field);
      expect(() => assertEditable('released', [field], headerFieldsEditableWhenReleased, 'header')).not.toThrow();
    });

  it.each(['sellToCustomerNo', 'billToCustomerNo', 'currencyCode', 'pricesIncludingVat', 'vatBusPostingGroup', 'genBusPostingGroup',
    'locationCode', 'invoiceDiscountValue', 'invoiceDiscountCalculation', 'paymentTermsCode', 'paymentDiscountPercent', 'customerPriceGroup'])(
    'header %s is locked', (field) => {
      expect(headerFieldsEditableWhenReleased).not.toContain(field);
      const error = domainErrorOf(() => assertEditable('released', [field], headerFieldsEditableWhenReleased, 'header'));
      expect(error.code).toBe('STATUS_MUST_BE_OPEN');
      expect(error.field).toBe(field);
    });

  it.each(['quantityToShip', 'quantityToInvoice', 'returnQuantityToReceive', 'shipmentDate', 'requestedDeliveryDate',
    'promisedDeliveryDate', 'plannedDeliveryDate', 'plannedShipmentDate', 'description', 'description2'])(
    'line %s stays editable', (field) => {
      expect(lineFieldsEditableWhenReleased).toContain(field);
      expect(() => assertEditable('released', [field], lineFieldsEditableWhenReleased, 'line')).not.toThrow();
    });

  it.each(['type', 'no', 'quantity', 'unitOfMeasureCode', 'variantCode', 'locationCode', 'unitPrice', 'lineDiscountPercent',
    'lineDiscountAmount', 'lineAmount', 'dropShipment', 'purchasingCode', 'quantityToAssembleToOrder', 'allowInvoiceDiscount'])(
    'line %s is locked', (field) => {
      expect(lineFieldsEditableWhenReleased).not.toContain(field);
      expect(domainErrorOf(() => assertEditable('released', [field], lineFieldsEditableWhenReleased, 'line')).field).toBe(field);
    });
});

describe('assertEditable', () => {
  it('lets anything change while Open', () => {
    expect(() => assertEditable('open', ['sellToCustomerNo', 'quantity', 'anything'], [], 'header')).not.toThrow();
  });

  it.each<SalesDocumentStatus>(['released', 'pendingApproval', 'pendingPrepayment'])('locks the same fields while %s', (status) => {
    expect(() => assertEditable(status, ['postingDate', 'externalDocumentNo'], headerFieldsEditableWhenReleased, 'header')).not.toThrow();
    expect(domainErrorOf(() => assertEditable(status, ['currencyCode'], headerFieldsEditableWhenReleased, 'header')).code).toBe('STATUS_MUST_BE_OPEN');
  });

  it('accepts an empty change', () => {
    expect(() => assertEditable('released', [], headerFieldsEditableWhenReleased, 'header')).not.toThrow();
  });

  it('names the first offending field', () => {
    const error = domainErrorOf(() => assertEditable('released', ['quantityToShip', 'unitPrice', 'quantity'], lineFieldsEditableWhenReleased, 'line'));
    expect(error.field).toBe('unitPrice');
    expect(error.params.field).toBe('unitPrice');
    expect(error.message).toBe('Status must be equal to Open in the sales line (it is Released); reopen the document to change unitPrice.');
  });

  it.each<[SalesDocumentStatus, 'header' | 'line', string]>([
    ['released', 'header', 'Status must be equal to Open in the sales header (it is Released); reopen the document to change currencyCode.'],
    ['pendingPrepayment', 'header', 'Status must be equal to Open in the sales header (it is Pending Prepayment); reopen the document to change currencyCode.'],
    ['pendingApproval', 'line', 'Status must be equal to Open in the sales line (it is Pending Approval); cancel the approval request or let it complete, then reopen the document to change currencyCode.'],
  ])('explains the remedy while %s', (status, where, message) => {
    expect(domainErrorOf(() => assertEditable(status, ['currencyCode'], [], where)).message).toBe(message);
  });
});

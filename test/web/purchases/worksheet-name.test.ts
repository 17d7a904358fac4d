import { describe, expect, it } from 'vitest';
import {
  requisitionWorksheetApiPath, requisitionWorksheetLink, worksheetNameChoices, worksheetNameOf,
} from '../../../src/web/purchases/worksheet-name.ts';

describe('the requisition worksheet the page shows', () => {
  it('reads a name as the server keys it, DEFAULT when none is given', () => {
    expect([worksheetNameOf(null), worksheetNameOf(''), worksheetNameOf('  '), worksheetNameOf(' promising '), worksheetNameOf('Weekly')])
      .toEqual(['DEFAULT', 'DEFAULT', 'DEFAULT', 'PROMISING', 'WEEKLY']);
  });

  it('links DEFAULT to the plain page and any other worksheet by name; the API path names it too', () => {
    expect(requisitionWorksheetLink('DEFAULT')).toBe('/purchases/requisition-worksheet');
    expect(requisitionWorksheetLink('promising')).toBe('/purchases/requisition-worksheet?name=PROMISING');
    expect(requisitionWorksheetLink('A B')).toBe('/purchases/requisition-worksheet?name=A%20B');
    expect(requisitionWorksheetApiPath('PROMISING')).toBe('/requisitionWorksheets/PROMISING');
    expect(requisitionWorksheetApiPath('A/B')).toBe('/requisitionWorksheets/A%2FB');
  });

  it('offers DEFAULT and PROMISING, and the one shown when it is another', () => {
    expect(worksheetNameChoices('PROMISING')).toEqual(['DEFAULT', 'PROMISING']);
    expect(worksheetNameChoices('WEEKLY')).toEqual(['DEFAULT', 'PROMISING', 'WEEKLY']);
  });
});

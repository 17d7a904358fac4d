/** The addresses on a printed document: the company letterhead, bill-to and (when it differs) ship-to. */
import { logoDataUrl } from './company-logo.ts';
import type { DocumentCaptions } from './document-captions.ts';

export interface PartySource {
  billToName: string; billToName2: string; billToAddress: string; billToAddress2: string; billToPostCode: string; billToCity: string;
  billToCounty: string; billToCountryRegionCode: string; billToContact: string;
  shipToName: string; shipToName2: string; shipToAddress: string; shipToAddress2: string; shipToPostCode: string; shipToCity: string;
  shipToCounty: string; shipToCountryRegionCode: string; shipToContact: string;
}

export interface CompanySource {
  name: string; address: string; address2: string; postCode: string; city: string; countryRegionCode: string;
  phoneNo: string; email: string; homePage: string; vatRegistrationNo: string; registrationNo: string;
  bankName: string; iban: string; swiftCode: string;
  /** The logo as base64 and its media type, as Company Information stores them; empty (or absent) without a logo. */
  logo?: string; logoMimeType?: string;
}

export interface PrintableAddress { lines: string[] }

/** The letterhead: the company's name, address and contact lines, and its logo as a data: URL (null without one). */
export interface PrintableCompany { name: string; addressLines: string[]; contactLines: string[]; logo?: string | null }

const nonEmpty = (values: readonly string[]) => values.map((value) => value.trim()).filter((value) => value !== '');

function cityLine(postCode: string, city: string, county: string): string {
  return nonEmpty([nonEmpty([postCode, city]).join(' '), county]).join(', ');
}

function partyAddress(header: PartySource, prefix: 'billTo' | 'shipTo'): PrintableAddress {
  const field = (name: string) => (header as unknown as Record<string, string>)[`${prefix}${name}`] ?? '';
  return {
    lines: nonEmpty([
      field('Name'), field('Name2'), field('Contact'), field('Address'), field('Address2'),
      cityLine(field('PostCode'), field('City'), field('County')), field('CountryRegionCode'),
    ]),
  };
}

export function printableParties(header: PartySource, company: CompanySource, captions: DocumentCaptions): {
  company: PrintableCompany; billTo: PrintableAddress; shipTo: PrintableAddress | null;
} {
  const billTo = partyAddress(header, 'billTo');
  const shipTo = partyAddress(header, 'shipTo');
  const sameAddress = shipTo.lines.length === 0 || shipTo.lines.join('\n') === billTo.lines.join('\n');
  return {
    company: {
      name: company.name,
      logo: logoDataUrl(company.logoMimeType ?? '', company.logo ?? ''),
      addressLines: nonEmpty([company.address, company.address2, cityLine(company.postCode, company.city, ''), company.countryRegionCode]),
      contactLines: nonEmpty([
        company.phoneNo && `${captions.phone} ${company.phoneNo}`, company.email && `${captions.email} ${company.email}`, company.homePage,
        company.vatRegistrationNo && `${captions.vatRegistrationNo} ${company.vatRegistrationNo}`,
        company.iban && `${captions.iban} ${company.iban}`, company.swiftCode && `${captions.bic} ${company.swiftCode}`,
        company.bankName && `${captions.bank} ${company.bankName}`,
      ]),
    },
    billTo,
    shipTo: sameAddress ? null : shipTo,
  };
}

/**
 * Field :86:, information to the account owner, in the three shapes banks use:
 * - German/Dutch subfields: 'GVC?00posting text?20…?29 purpose?30 BIC?31 IBAN?32/?33 name?60…?63',
 *   with SEPA keywords (EREF+, SVWZ+ …) inside the purpose (Triodos writes '>' for '?');
 * - SWIFT keywords: '/EREF/…/NAME/…/IBAN/…/REMI/…' (ABN AMRO, ING, Rabobank);
 * - free text.
 * Subfields are fixed-width pieces of one text, so their lines join without a space.
 */
import { compactIban, cleanText, joinTexts, looksLikeIban } from './statement-values.ts';

export interface Mt940Details {
  readonly transactionText: string;
  readonly additionalTransactionInfo: string;
  readonly relatedPartyName: string;
  readonly relatedPartyBankAccountNo: string;
  readonly relatedPartyCity: string;
  readonly endToEndId: string;
  readonly paymentReferenceNo: string;
  /** The German business transaction code (GVC, e.g. 166) when the field has one. */
  readonly transactionCode: string;
}

const noDetails: Mt940Details = {
  transactionText: '', additionalTransactionInfo: '', relatedPartyName: '', relatedPartyBankAccountNo: '',
  relatedPartyCity: '', endToEndId: '', paymentReferenceNo: '', transactionCode: '',
};

export function parseDetails(value: string): Mt940Details {
  const joined = value.replace(/\n/g, '').trimStart();
  if (/^\d{3}\s*[?>]\d{2}/.test(joined)) return subfieldDetails(joined);
  const keywords = swiftKeywords(joined);
  if (keywords.size > 0) return keywordDetails(keywords);
  return { ...noDetails, transactionText: freeText(value) };
}

/** Free text keeps its line breaks as spaces, except after a line filled to the 65-character width (a wrapped word). */
function freeText(value: string): string {
  const lines = value.split('\n');
  const text = lines.reduce((result, line, index) => {
    const previousWidth = index === 1 ? lines[0]!.length + ':86:'.length : (lines[index - 1]?.length ?? 0);
    return index === 0 ? line : `${result}${previousWidth >= 65 ? '' : ' '}${line}`;
  }, '');
  return cleanText(text);
}

function subfieldDetails(joined: string): Mt940Details {
  const separator = /^\d{3}\s*([?>])/.exec(joined)![1]!;
  const parts = joined.split(separator === '?' ? /\?(\d{2})/ : />(\d{2})/);
  const fields = new Map<number, string>();
  for (let index = 1; index + 1 < parts.length; index += 2) {
    const key = parseInt(parts[index]!, 10);
    fields.set(key, (fields.get(key) ?? '') + parts[index + 1]!);
  }
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, offset) => fields.get(from + offset) ?? '').join('');
  const purpose = purposeOf(range(20, 29), range(60, 63));
  const account = fields.get(38) || fields.get(31) || '';
  return {
    ...noDetails,
    transactionText: purpose.text,
    additionalTransactionInfo: joinTexts([fields.get(0) ?? '', purpose.rest]),
    relatedPartyName: cleanText(range(32, 33)),
    relatedPartyBankAccountNo: looksLikeIban(account) ? compactIban(account) : cleanText(account),
    endToEndId: notProvided(purpose.keywords.get('EREF') ?? ''),
    transactionCode: parts[0]!.trim(),
  };
}

/**
 * The purpose of ?20–?29, continued in ?60–?63. With SEPA keywords the text is the remittance
 * (SVWZ+), and the words before the first keyword are kept apart; ?60–?63 continue the remittance
 * when it came last, else they are more text of their own.
 */
function purposeOf(main: string, continued: string): { text: string; rest: string; keywords: Map<string, string> } {
  const first = sepaKeywords(main);
  const second = sepaKeywords(continued);
  const keywords = new Map([...second.keywords, ...first.keywords].map(([key, value]) => [key, cleanText(value)]));
  if (first.keywords.size === 0 && second.keywords.size === 0) return { text: cleanText(main + continued), rest: '', keywords };
  // Subfields are fixed-width pieces of one text: a word may run from ?29 into ?60.
  const remittanceContinues = first.last === 'SVWZ';
  const remittance = cleanText((first.keywords.get('SVWZ') ?? '') + (remittanceContinues ? second.prefix : '') + (second.keywords.get('SVWZ') ?? ''));
  const loose = joinTexts([first.prefix, remittanceContinues ? '' : second.prefix]);
  return remittance === '' ? { text: loose, rest: '', keywords } : { text: remittance, rest: loose, keywords };
}

const sepaKeyword = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT)\+/g;

/** SEPA keywords in a purpose, raw: 'EREF+123 SVWZ+Invoice 4711' → EREF, SVWZ; the text before the first keyword is the prefix. */
function sepaKeywords(purpose: string): { keywords: Map<string, string>; prefix: string; last: string } {
  const matches = [...purpose.matchAll(sepaKeyword)];
  const keywords = new Map<string, string>();
  matches.forEach((match, index) => {
    const end = matches[index + 1]?.index ?? purpose.length;
    keywords.set(match[1]!, purpose.slice(match.index! + match[0].length, end));
  });
  const prefix = matches.length > 0 ? purpose.slice(0, matches[0]!.index) : purpose;
  return { keywords, prefix, last: matches[matches.length - 1]?.[1] ?? '' };
}

function notProvided(value: string): string {
  return value === 'NOTPROVIDED' ? '' : value;
}

const swiftKeyword = /\/(EREF|ORDP|BENM|NAME|REMI|IBAN|BIC|TRTP|CNTP|CSID|MARF|PREF|RTRN|ADDR|ISDT|ULTC|ULTD|ULTB|PURP|IREF)\//g;

function swiftKeywords(joined: string): Map<string, string> {
  const matches = [...joined.matchAll(swiftKeyword)];
  const keywords = new Map<string, string>();
  matches.forEach((match, index) => {
    const end = matches[index + 1]?.index ?? joined.length;
    if (!keywords.has(match[1]!)) keywords.set(match[1]!, joined.slice(match.index! + match[0].length, end).replace(/^\/+|\/+$/g, ''));
  });
  return keywords;
}

function keywordDetails(keywords: Map<string, string>): Mt940Details {
  // /CNTP/account/BIC/name/city/ is the newer form of /IBAN/ … /NAME/.
  const [cntpAccount = '', , cntpName = '', cntpCity = ''] = (keywords.get('CNTP') ?? '').split('/');
  const account = keywords.get('IBAN') || cntpAccount;
  const remittance = keywords.get('REMI') ?? '';
  const structured = /^STRD\/[^/]*\/(.*)$/.exec(remittance);
  return {
    ...noDetails,
    transactionText: structured ? '' : cleanText(remittance.replace(/^USTD\/\/?/, '')),
    additionalTransactionInfo: cleanText(keywords.get('TRTP') ?? ''),
    relatedPartyName: cleanText(keywords.get('NAME') || cntpName),
    relatedPartyCity: cleanText(cntpCity),
    relatedPartyBankAccountNo: looksLikeIban(account) ? compactIban(account) : cleanText(account),
    endToEndId: notProvided(cleanText(keywords.get('EREF') ?? '')),
    paymentReferenceNo: structured ? cleanText(structured[1]!) : '',
  };
}

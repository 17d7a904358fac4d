import { dec, sum } from '../../src/core/money/decimal.ts';

export interface CamtEntry {
  /** Signed: positive = money received (CRDT). */
  amount: string;
  date: string;
  text?: string;
  name?: string;
  iban?: string;
  reference?: string;
}

/**
 * A camt.053.001.08 statement of the given entries, balanced from the opening balance, as a bank
 * would send it (the genkgo fixtures mostly do not balance, so tests of posting and benches use this).
 */
export function camt053(options: { iban: string; currency?: string; opening?: string; date?: string; id?: string; entries: readonly CamtEntry[] }): string {
  const currency = options.currency ?? 'EUR';
  const opening = dec(options.opening ?? '0');
  const closing = opening.plus(sum(options.entries.map((entry) => dec(entry.amount))));
  const date = options.date ?? options.entries.at(-1)?.date ?? '2026-03-31';
  const amount = (value: ReturnType<typeof dec>) => `<Amt Ccy="${currency}">${value.abs().toFixed(2)}</Amt><CdtDbtInd>${value.isNegative() ? 'DBIT' : 'CRDT'}</CdtDbtInd>`;
  const balance = (code: string, value: ReturnType<typeof dec>) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(value)}<Dt><Dt>${date}</Dt></Dt></Bal>`;
  const entries = options.entries.map((entry, index) => {
    const value = dec(entry.amount);
    const party = value.isNegative() ? ['Cdtr', 'CdtrAcct'] : ['Dbtr', 'DbtrAcct'];
    const parties = entry.name || entry.iban
      ? `<RltdPties>${entry.name ? `<${party[0]}><Nm>${entry.name}</Nm></${party[0]}>` : ''}${entry.iban ? `<${party[1]}><Id><IBAN>${entry.iban}</IBAN></Id></${party[1]}>` : ''}</RltdPties>`
      : '';
    return `<Ntry>${amount(value)}<Sts>BOOK</Sts><BookgDt><Dt>${entry.date}</Dt></BookgDt><ValDt><Dt>${entry.date}</Dt></ValDt>
      <AcctSvcrRef>${entry.reference ?? `${options.id ?? 'S1'}-${index + 1}`}</AcctSvcrRef>
      <NtryDtls><TxDtls>${parties}${entry.text ? `<RmtInf><Ustrd>${entry.text}</Ustrd></RmtInf>` : ''}</TxDtls></NtryDtls></Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M-${options.id ?? 'S1'}</MsgId><CreDtTm>${date}T20:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${options.id ?? 'S1'}</Id><CreDtTm>${date}T20:00:00</CreDtTm><Acct><Id><IBAN>${options.iban}</IBAN></Id><Ccy>${currency}</Ccy></Acct>
${balance('OPBD', opening)}${balance('CLBD', closing)}${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
}

/**
 * Which reader a file needs, from its content (the name only helps the message): XML whose
 * document is a bank-to-customer message is camt, text with MT940 field tags is MT940/MT942, and
 * anything else can only be CSV read with a saved column mapping.
 */
export type StatementFileKind = 'camt' | 'mt940' | 'csv' | 'xml';

export function detectStatementFileKind(content: string): StatementFileKind {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    // camt.052/053/054 documents hold a BkToCstmr… message; other XML is refused by parseCamt with its root named.
    return /<(?:[\w-]+:)?BkToCstmr(?:Stmt|AcctRpt|DbtCdtNtfctn)/.test(start.slice(0, 4096)) ? 'camt' : 'xml';
  }
  // A :20: tag at a line start (after an optional SWIFT block header) marks MT940/MT942.
  if (/(^|[\r\n]|\{4:\s*)\s*:20:/.test(start.slice(0, 4096))) return 'mt940';
  return 'csv';
}

/** Words BC writes in capitals or abbreviates in captions. */
const wordCaptions: Readonly<Record<string, string>> = { lcy: '(LCY)', vat: 'VAT', gl: 'G/L', no: 'No.', id: 'ID' };

/**
 * A camelCase field name or enum value as a caption, for values the app has no caption of its own
 * for: 'positiveAdjustment' → 'Positive Adjustment', 'balanceDueLcy' → 'Balance Due (LCY)',
 * 'glAccountNo' → 'G/L Account No.'.
 */
export function captionOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/).filter(Boolean);
  return words
    .map((word) => wordCaptions[word.toLowerCase()] ?? `${word[0]!.toUpperCase()}${word.slice(1)}`)
    .join(' ');
}

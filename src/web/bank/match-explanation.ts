/**
 * A line's match explanation in words (BC's Payment Application Review): the rule, the three
 * criteria, the candidates beaten and the notes, from the matchDetails Apply Automatically stored.
 */
import type { RuleReference } from '../../core/bank/matching/types.ts';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { matchConfidenceCaptions } from './match-confidence.ts';
import type { CandidateDetails, CriteriaDetails, MatchNoteDetails } from './reconciliation-types.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "Low confidence, priority 4 (match quality 1996), review required". */
export function ruleText(rule: RuleReference): string {
  const review = rule.reviewRequired ? ', review required' : '';
  return `${matchConfidenceCaptions[rule.matchConfidence]} confidence, priority ${rule.priority} (match quality ${rule.score})${review}`;
}

const resultCaptions: Readonly<Record<string, string>> = {
  fully: 'Fully', partially: 'Partially', no: 'No', yes: 'Yes', yesMultiple: 'Yes – several documents',
  oneMatch: 'One match', multipleMatches: 'Multiple matches', noMatches: 'No match', notConsidered: 'Not considered',
};

/** A criterion's result as BC's rule table words it. */
export const resultCaption = (result: string) => resultCaptions[result] ?? captionOf(result);

/** Related party: what was compared, how near, and why it counts as fully matched. */
export function relatedPartyText(party: CriteriaDetails['relatedParty']): string {
  const nearness = party.nearness === null ? '' : `, nearness ${party.nearness} %`;
  const why = party.addressAndCityEqual ? '; address and city are equal too'
    : party.nameUnique === true ? '; no other customer has a name containing it' : '';
  switch (party.basis) {
    case 'bankAccount': return `The statement's bank account is a bank account of ${party.partyName}.`;
    case 'relatedPartyName': return `The related party's name compared with ${party.partyName}${nearness}${why}.`;
    case 'transactionText': return `The transaction text compared with ${party.partyName}${nearness}${why}.`;
    case 'nameMatchingDisabled': return 'Name matching is switched off.';
    default: return 'No customer was recognised in the statement line.';
  }
}

const fieldCaptions: Readonly<Record<string, string>> = { paymentReference: 'payment reference', documentNo: 'document no.', externalDocumentNo: 'external document no.' };

/** Document no.: the numbers found in the line's texts as whole words, with the entry each belongs to. */
export function documentNoText(documentNo: CriteriaDetails['documentNo']): string {
  if (documentNo.found.length === 0) return 'No document no., external document no. or payment reference of an open entry was found in the texts.';
  const found = documentNo.found.map((hit) => `${hit.value} (${fieldCaptions[hit.field] ?? hit.field} of entry ${hit.entryNo})`);
  return `Found in the texts: ${found.join(', ')}.`;
}

/** Amount incl. tolerance: the range around the statement amount and the entries in it. */
export function amountText(amount: CriteriaDetails['amount'], locale: SupportedLocale): string {
  const range = `${formatAmount(amount.minimum, locale)} to ${formatAmount(amount.maximum, locale)}`;
  return `Range ${range}; the entry's amount compared: ${formatAmount(amount.comparedAmount, locale)}; ${plural(amount.entriesInRange, 'entry', 'entries')} of the account in range.`;
}

/** A candidate the chosen match beat: its entries and account. */
export function candidateText(candidate: CandidateDetails): string {
  const entries = candidate.entryNos.length === 1 ? `Entry ${candidate.entryNos[0]}` : `Entries ${candidate.entryNos.join(', ')}`;
  const pool = candidate.alternatives > candidate.entryNos.length ? ` (and ${candidate.alternatives - candidate.entryNos.length} as good)` : '';
  return `${entries}${pool} of ${captionOf(candidate.accountType)} ${candidate.accountNo}`;
}

/** A note of the matching engine in words. */
export function noteText(note: MatchNoteDetails): string {
  switch (note.kind) {
    case 'skipped': return note.reason === 'zeroAmount' ? 'The line has no amount: nothing to match.' : 'Applied by hand or accepted: Apply Automatically leaves it as it is.';
    case 'entryTakenByOtherLine': return `A better match, entry ${note.entryNo}, went to line ${note.lineNos.join(', ')}, which matches it better.`;
    case 'documentNotApplied': return `Document ${note.documentNo} (entry ${note.entryNo}) was named too, but the statement amount was used up before it.`;
    case 'textMappingOverridden': return `The text-to-account mapping "${note.mappingText}" also fits, but a ${matchConfidenceCaptions[note.confidence]} match of an entry wins.`;
    case 'textMappingAmbiguous': return `Several text-to-account mappings fit (${note.mappingTexts.join(', ')}): none was used.`;
    case 'amountRangeCrowded': return `${plural(note.entriesInRange, 'entry', 'entries')} fell in the amount range: the related party was compared only with customers found otherwise.`;
  }
}

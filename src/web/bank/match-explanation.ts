/**
 * A line's match explanation in words (BC's Payment Application Review): the rule, the three
 * criteria, the candidates beaten and the notes, from the matchDetails Apply Automatically stored.
 */
import type { RuleReference } from '../../core/bank/matching/types.ts';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { caption } from '../i18n/captions.ts';
import { matchConfidenceCaptions } from './match-confidence.ts';
import type { CandidateDetails, CriteriaDetails, MatchNoteDetails } from './reconciliation-types.ts';

/** "1 entry", "3 entries". */
const entriesText = (entries: number) => (entries === 1 ? caption('1 entry') : caption('{{entries}} entries', { entries }));

/** "Low confidence, priority 4 (match quality 1996), review required". */
export function ruleText(rule: RuleReference): string {
  const values = { confidence: caption(matchConfidenceCaptions[rule.matchConfidence]), priority: rule.priority, score: rule.score };
  return rule.reviewRequired ? caption('{{confidence}} confidence, priority {{priority}} (match quality {{score}}), review required', values)
    : caption('{{confidence}} confidence, priority {{priority}} (match quality {{score}})', values);
}

const resultCaptions: Readonly<Record<string, string>> = {
  fully: 'Fully', partially: 'Partially', no: 'No', yes: 'Yes', yesMultiple: 'Yes – several documents',
  oneMatch: 'One match', multipleMatches: 'Multiple matches', noMatches: 'No match', notConsidered: 'Not considered',
};

/** A criterion's result as BC's rule table words it. */
export const resultCaption = (result: string) => caption(resultCaptions[result] ?? captionOf(result));

/** Related party: what was compared, how near, and why it counts as fully matched. */
export function relatedPartyText(party: CriteriaDetails['relatedParty']): string {
  const nearness = party.nearness === null ? '' : caption(', nearness {{nearness}} %', { nearness: party.nearness });
  const why = party.addressAndCityEqual ? caption('; address and city are equal too')
    : party.nameUnique === true ? caption('; no other customer has a name containing it') : '';
  const values = { partyName: party.partyName, nearness, why };
  switch (party.basis) {
    case 'bankAccount': return caption("The statement's bank account is a bank account of {{partyName}}.", values);
    case 'relatedPartyName': return caption("The related party's name compared with {{partyName}}{{nearness}}{{why}}.", values);
    case 'transactionText': return caption('The transaction text compared with {{partyName}}{{nearness}}{{why}}.', values);
    case 'nameMatchingDisabled': return caption('Name matching is switched off.');
    default: return caption('No customer was recognised in the statement line.');
  }
}

const fieldCaptions: Readonly<Record<string, string>> = { paymentReference: 'payment reference', documentNo: 'document no.', externalDocumentNo: 'external document no.' };

/** Document no.: the numbers found in the line's texts as whole words, with the entry each belongs to. */
export function documentNoText(documentNo: CriteriaDetails['documentNo']): string {
  if (documentNo.found.length === 0) return caption('No document no., external document no. or payment reference of an open entry was found in the texts.');
  const found = documentNo.found.map((hit) => {
    const field = fieldCaptions[hit.field];
    return caption('{{value}} ({{field}} of entry {{entryNo}})', { value: hit.value, field: field === undefined ? hit.field : caption(field), entryNo: hit.entryNo });
  });
  return caption('Found in the texts: {{found}}.', { found: found.join(', ') });
}

/** Amount incl. tolerance: the range around the statement amount and the entries in it. */
export function amountText(amount: CriteriaDetails['amount'], locale: SupportedLocale): string {
  return caption("Range {{minimum}} to {{maximum}}; the entry's amount compared: {{compared}}; {{entries}} of the account in range.", {
    minimum: formatAmount(amount.minimum, locale), maximum: formatAmount(amount.maximum, locale), compared: formatAmount(amount.comparedAmount, locale),
    entries: entriesText(amount.entriesInRange),
  });
}

/** A candidate the chosen match beat: its entries and account. */
export function candidateText(candidate: CandidateDetails): string {
  const entries = candidate.entryNos.length === 1 ? caption('Entry {{entryNo}}', { entryNo: candidate.entryNos[0] })
    : caption('Entries {{entryNos}}', { entryNos: candidate.entryNos.join(', ') });
  const pool = candidate.alternatives > candidate.entryNos.length ? caption(' (and {{others}} as good)', { others: candidate.alternatives - candidate.entryNos.length }) : '';
  return caption('{{entries}}{{pool}} of {{account}} {{accountNo}}', { entries, pool, account: caption(captionOf(candidate.accountType)), accountNo: candidate.accountNo });
}

/** A note of the matching engine in words. */
export function noteText(note: MatchNoteDetails): string {
  switch (note.kind) {
    case 'skipped': return note.reason === 'zeroAmount' ? caption('The line has no amount: nothing to match.') : caption('Applied by hand or accepted: Apply Automatically leaves it as it is.');
    case 'entryTakenByOtherLine': return caption('A better match, entry {{entryNo}}, went to line {{lineNos}}, which matches it better.', { entryNo: note.entryNo, lineNos: note.lineNos.join(', ') });
    case 'documentNotApplied': return caption('Document {{documentNo}} (entry {{entryNo}}) was named too, but the statement amount was used up before it.', { documentNo: note.documentNo, entryNo: note.entryNo });
    case 'textMappingOverridden': return caption('The text-to-account mapping "{{mappingText}}" also fits, but a {{confidence}} match of an entry wins.', {
      mappingText: note.mappingText, confidence: caption(matchConfidenceCaptions[note.confidence]),
    });
    case 'textMappingAmbiguous': return caption('Several text-to-account mappings fit ({{mappingTexts}}): none was used.', { mappingTexts: note.mappingTexts.join(', ') });
    case 'amountRangeCrowded': return caption('{{entries}} fell in the amount range: the related party was compared only with customers found otherwise.', { entries: entriesText(note.entriesInRange) });
  }
}

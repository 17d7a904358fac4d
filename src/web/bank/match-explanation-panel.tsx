import { List, Stack, Table, Text, Title } from '@mantine/core';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { amountText, candidateText, documentNoText, noteText, relatedPartyText, resultCaption, ruleText } from './match-explanation.ts';
import type { CandidateDetails, CriteriaDetails, MatchDetails } from './reconciliation-types.ts';

/**
 * Why Apply Automatically applied the line as it did: the rule it met, the three criteria with what
 * was compared, how many candidates were as good (a tie), the candidates it beat, and its notes.
 */
export function MatchExplanationPanel({ details, locale }: { details: MatchDetails; locale: SupportedLocale }) {
  const applied = details.criteria !== null || details.textMapping !== null;
  return (
    <Stack gap="xs" data-testid="match-explanation">
      <Text size="sm" data-testid="match-rule">
        <b>Rule:</b> {details.rule ? ruleText(details.rule) : details.textMapping ? 'Text-to-Account Mapping (beats Medium and Low rules)' : 'No rule was met: nothing applied.'}
      </Text>
      {details.criteria && <CriteriaTable criteria={details.criteria} locale={locale} />}
      {details.textMapping && (
        <Text size="sm" data-testid="text-mapping">
          The transaction text contains the mapping text “{details.textMapping.mappingText}”: the line posts to {captionOf(details.textMapping.accountType)} {details.textMapping.accountNo}.
        </Text>
      )}
      <TiesText details={details} />
      {details.beaten.length > 0 && <BeatenTable candidates={details.beaten} title={applied ? 'Candidates it beat' : 'Best candidates'} />}
      {details.notes.length > 0 && (
        <List size="sm" data-testid="match-notes">{details.notes.map((note, index) => <List.Item key={index}>{noteText(note)}</List.Item>)}</List>
      )}
    </Stack>
  );
}

function CriteriaTable({ criteria, locale }: { criteria: CriteriaDetails; locale: SupportedLocale }) {
  const rows = [
    { name: 'relatedParty', label: 'Related Party Matched', result: criteria.relatedParty.result, text: relatedPartyText(criteria.relatedParty) },
    { name: 'documentNo', label: 'Doc. No./Ext. Doc. No. Matched', result: criteria.documentNo.result, text: documentNoText(criteria.documentNo) },
    { name: 'amount', label: 'Amount Incl. Tolerance Matched', result: criteria.amount.result, text: amountText(criteria.amount, locale) },
  ];
  return (
    <Table withTableBorder fz="sm" aria-label="Match criteria">
      <Table.Thead><Table.Tr><Table.Th>Criterion</Table.Th><Table.Th>Result</Table.Th><Table.Th>What was compared</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name} data-criterion={row.name}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td fw={600} data-result={row.result}>{resultCaption(row.result)}</Table.Td>
            <Table.Td>{row.text}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** BC: "There are n ledger entries … with the same confidence"; a tie is said so, since the choice among them is by order, not by merit. */
function TiesText({ details }: { details: MatchDetails }) {
  if (details.equallyGoodEntries <= 1 && details.sameConfidenceEntries <= 1) return null;
  return (
    <Text size="sm" c={details.equallyGoodEntries > 1 ? 'orange.8' : undefined} data-testid="match-ties">
      {details.equallyGoodEntries > 1 && `${details.equallyGoodEntries} entries matched exactly as well (a tie): check that the right one was taken. `}
      {details.sameConfidenceEntries > 1 && `${details.sameConfidenceEntries} entries matched with the same confidence.`}
    </Text>
  );
}

function BeatenTable({ candidates, title }: { candidates: readonly CandidateDetails[]; title: string }) {
  return (
    <>
      <Title order={6}>{title}</Title>
      <Table withTableBorder fz="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr><Table.Th>Candidate</Table.Th><Table.Th>Rule</Table.Th><Table.Th>Related Party</Table.Th><Table.Th>Doc. No.</Table.Th><Table.Th>Amount</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((candidate) => (
            <Table.Tr key={`${candidate.accountNo}-${candidate.entryNos.join('-')}`}>
              <Table.Td>{candidateText(candidate)}</Table.Td>
              <Table.Td>{captionOf(candidate.rule.matchConfidence)} / {candidate.rule.priority}</Table.Td>
              <Table.Td>{resultCaption(candidate.relatedParty)}</Table.Td>
              <Table.Td>{resultCaption(candidate.documentNo)}</Table.Td>
              <Table.Td>{resultCaption(candidate.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

import { List, Stack, Table, Text, Title } from '@mantine/core';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { amountText, candidateText, documentNoText, noteText, relatedPartyText, resultCaption, ruleText } from './match-explanation.ts';
import type { CandidateDetails, CriteriaDetails, MatchDetails } from './reconciliation-types.ts';

/**
 * Why Apply Automatically applied the line as it did: the rule it met, the three criteria with what
 * was compared, how many candidates were as good (a tie), the candidates it beat, and its notes.
 */
export function MatchExplanationPanel({ details, locale }: { details: MatchDetails; locale: SupportedLocale }) {
  const t = useCaptions();
  const applied = details.criteria !== null || details.textMapping !== null;
  return (
    <Stack gap="xs" data-testid="match-explanation">
      <Text size="sm" data-testid="match-rule">
        <b>{t('Rule:')}</b> {details.rule ? ruleText(details.rule) : details.textMapping ? t('Text-to-Account Mapping (beats Medium and Low rules)') : t('No rule was met: nothing applied.')}
      </Text>
      {details.criteria && <CriteriaTable criteria={details.criteria} locale={locale} />}
      {details.textMapping && (
        <Text size="sm" data-testid="text-mapping">
          {t('The transaction text contains the mapping text “{{mappingText}}”: the line posts to {{account}} {{accountNo}}.', {
            mappingText: details.textMapping.mappingText, account: t(captionOf(details.textMapping.accountType)), accountNo: details.textMapping.accountNo,
          })}
        </Text>
      )}
      <TiesText details={details} />
      {details.beaten.length > 0 && <BeatenTable candidates={details.beaten} title={applied ? t('Candidates it beat') : t('Best candidates')} />}
      {details.notes.length > 0 && (
        <List size="sm" data-testid="match-notes">{details.notes.map((note, index) => <List.Item key={index}>{noteText(note)}</List.Item>)}</List>
      )}
    </Stack>
  );
}

function CriteriaTable({ criteria, locale }: { criteria: CriteriaDetails; locale: SupportedLocale }) {
  const t = useCaptions();
  const rows = [
    { name: 'relatedParty', label: 'Related Party Matched', result: criteria.relatedParty.result, text: relatedPartyText(criteria.relatedParty) },
    { name: 'documentNo', label: 'Doc. No./Ext. Doc. No. Matched', result: criteria.documentNo.result, text: documentNoText(criteria.documentNo) },
    { name: 'amount', label: 'Amount Incl. Tolerance Matched', result: criteria.amount.result, text: amountText(criteria.amount, locale) },
  ];
  return (
    <Table withTableBorder fz="sm" aria-label={t('Match criteria')}>
      <Table.Thead><Table.Tr><Table.Th>{t('Criterion')}</Table.Th><Table.Th>{t('Result')}</Table.Th><Table.Th>{t('What was compared')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name} data-criterion={row.name}>
            <Table.Td>{t(row.label)}</Table.Td>
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
  const t = useCaptions();
  if (details.equallyGoodEntries <= 1 && details.sameConfidenceEntries <= 1) return null;
  return (
    <Text size="sm" c={details.equallyGoodEntries > 1 ? 'orange.8' : undefined} data-testid="match-ties">
      {details.equallyGoodEntries > 1 && `${t('{{entries}} entries matched exactly as well (a tie): check that the right one was taken.', { entries: details.equallyGoodEntries })} `}
      {details.sameConfidenceEntries > 1 && t('{{entries}} entries matched with the same confidence.', { entries: details.sameConfidenceEntries })}
    </Text>
  );
}

function BeatenTable({ candidates, title }: { candidates: readonly CandidateDetails[]; title: string }) {
  const t = useCaptions();
  return (
    <>
      <Title order={6}>{title}</Title>
      <Table withTableBorder fz="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('Candidate')}</Table.Th><Table.Th>{t('Rule')}</Table.Th><Table.Th>{t('Related Party')}</Table.Th><Table.Th>{t('Doc. No.')}</Table.Th><Table.Th>{t('Amount')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((candidate) => (
            <Table.Tr key={`${candidate.accountNo}-${candidate.entryNos.join('-')}`}>
              <Table.Td>{candidateText(candidate)}</Table.Td>
              <Table.Td>{t(captionOf(candidate.rule.matchConfidence))} / {candidate.rule.priority}</Table.Td>
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

import { Badge } from '@mantine/core';
import { useCaptions } from '../i18n/captions.ts';
import { matchConfidenceCaptions, matchConfidenceColors } from './match-confidence.ts';
import type { MatchConfidence } from './reconciliation-types.ts';

/** The line's Match Confidence as a coloured badge. */
export function ConfidenceBadge({ confidence }: { confidence: MatchConfidence }) {
  const t = useCaptions();
  return (
    <Badge color={matchConfidenceColors[confidence]} variant="light" radius="sm" tt="none" data-confidence={confidence} style={{ whiteSpace: 'nowrap' }}>
      {t(matchConfidenceCaptions[confidence])}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { matchConfidenceCaptions, matchConfidenceColors } from './match-confidence.ts';
import type { MatchConfidence } from './reconciliation-types.ts';

/** The line's Match Confidence as a coloured badge. */
export function ConfidenceBadge({ confidence }: { confidence: MatchConfidence }) {
  return (
    <Badge color={matchConfidenceColors[confidence]} variant="light" radius="sm" tt="none" data-confidence={confidence} style={{ whiteSpace: 'nowrap' }}>
      {matchConfidenceCaptions[confidence]}
    </Badge>
  );
}

import type { MatchConfidence } from './reconciliation-types.ts';

/** BC's Match Confidence captions. */
export const matchConfidenceCaptions: Readonly<Record<MatchConfidence, string>> = {
  high: 'High',
  highTextToAccountMapping: 'High - Text-to-Account Mapping',
  medium: 'Medium',
  low: 'Low',
  none: 'None',
  manual: 'Manual',
  accepted: 'Accepted',
};

/** How sure a match is, at a glance: green is safe to post, orange wants a look, blue a person decided. */
export const matchConfidenceColors: Readonly<Record<MatchConfidence, string>> = {
  high: 'green',
  highTextToAccountMapping: 'teal',
  medium: 'yellow',
  low: 'orange',
  none: 'gray',
  manual: 'blue',
  accepted: 'blue',
};

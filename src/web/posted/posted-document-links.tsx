import { Anchor, List } from '@mantine/core';
import { Link } from 'react-router';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { postedDocumentPath, type PostedDocumentKind } from './posted-document-kinds.ts';

/** Links to posted documents, one a line: "Posted Sales Invoice PSI000001". */
export function PostedDocumentLinks({ documents }: { documents: ReadonlyArray<{ kind: PostedDocumentKind<DocumentFamily>; no: string }> }) {
  const t = useCaptions();
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {documents.map(({ kind, no }) => (
        <List.Item key={`${kind.family}-${kind.type}-${no}`}>
          <Anchor component={Link} to={postedDocumentPath(kind, no)} size="sm">{t(kind.caption)} {no}</Anchor>
        </List.Item>
      ))}
    </List>
  );
}

import { Anchor, List } from '@mantine/core';
import { Link } from 'react-router';
import { postedDocumentPath, type PostedDocumentKind } from './posted-document-kinds.ts';

/** Links to posted documents, one a line: "Posted Sales Invoice PSI000001". */
export function PostedDocumentLinks({ documents }: { documents: ReadonlyArray<{ kind: PostedDocumentKind; no: string }> }) {
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {documents.map(({ kind, no }) => (
        <List.Item key={`${kind.type}-${no}`}>
          <Anchor component={Link} to={postedDocumentPath(kind, no)} size="sm">{kind.caption} {no}</Anchor>
        </List.Item>
      ))}
    </List>
  );
}

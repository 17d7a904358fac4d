import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PostingPreview, PostingResult, PostRequest } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { showNotice } from '../layout/notices.ts';
import { PostedDocumentLinks } from '../posted/posted-document-links.tsx';
import { postedDocumentPath, postedDocumentsOf } from '../posted/posted-document-kinds.ts';
import type { DocumentKind } from './document-kinds.ts';
import { PostDialog } from './post-dialog.tsx';
import { postingChoices } from './posting-options.ts';
import { PostingPreviewDialog } from './posting-preview-dialog.tsx';
import { usePostDocument, usePostingPreview } from './use-posting.ts';
import { documentQueryKey } from './use-sales-document.ts';

interface PostingActionsProps {
  kind: DocumentKind;
  document: SalesDocument;
  busy: boolean;
  onError: (error: unknown) => void;
  locale: SupportedLocale;
}

/** Post… and Preview Posting…; after posting, a notice links the posted documents. */
export function PostingActions({ kind, document, busy, onError, locale }: PostingActionsProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = usePostDocument(kind, document.no);
  const preview = usePostingPreview(kind, document.no);
  const [dialog, setDialog] = useState<'post' | 'preview' | null>(null);
  const [previewShown, setPreviewShown] = useState<PostingPreview | null>(null);

  const runPost = async (request: PostRequest) => {
    setDialog(null);
    try {
      const result = await post.mutateAsync(request);
      announce(kind, result);
      if (!result.documentDeleted) return;
      const [opened] = postedDocumentsOf(result).filter((posted) => posted.kind.billed);
      navigate(opened ? postedDocumentPath(opened.kind, opened.no) : `/sales/${kind.path}`, { replace: true });
      queryClient.removeQueries({ queryKey: documentQueryKey(kind, document.no) });
    } catch (error) {
      onError(error);
    }
  };
  const runPreview = async (request: PostRequest) => {
    setDialog(null);
    try {
      setPreviewShown(await preview.mutateAsync(request));
    } catch (error) {
      onError(error);
    }
  };
  // An invoice or credit memo has nothing to choose: its preview runs at once.
  const startPreview = () => (postingChoices(kind).length === 0 ? void runPreview({}) : setDialog('preview'));

  return (
    <>
      <Button onClick={() => setDialog('post')} disabled={busy} loading={post.isPending}>Post…</Button>
      <Button variant="default" onClick={startPreview} disabled={busy} loading={preview.isPending}>Preview Posting…</Button>
      <PostDialog key={`${dialog}`} kind={kind} no={document.no} purpose={dialog ?? 'post'} opened={dialog !== null} onClose={() => setDialog(null)}
        onConfirm={(request) => void (dialog === 'preview' ? runPreview(request) : runPost(request))} />
      <PostingPreviewDialog preview={previewShown} onClose={() => setPreviewShown(null)} locale={locale} />
    </>
  );
}

function announce(kind: DocumentKind, result: PostingResult) {
  const documents = postedDocumentsOf(result);
  const left = result.documentDeleted ? '' : ` ${kind.caption} ${result.no} stays open for what is left.`;
  showNotice({
    title: `${kind.caption} ${result.no} posted`,
    color: 'teal',
    body: (
      <>
        <PostedDocumentLinks documents={documents} />
        {left && <span>{left}</span>}
      </>
    ),
  });
}

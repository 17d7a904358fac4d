import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import type { PostingPreview, PostingResult, PostRequest } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { PostedDocumentLinks } from '../posted/posted-document-links.tsx';
import { postedDocumentPath, postedDocumentsOf, type PostedDocumentKind } from '../posted/posted-document-kinds.ts';
import { documentListPath, type AnyDocumentKind } from './document-kinds.ts';
import { PostDialog } from './post-dialog.tsx';
import { postingChoices } from './posting-options.ts';
import { PostingPreviewDialog, type PreviewLedgers, type ShownPreview } from './posting-preview-dialog.tsx';
import { usePostDocument, usePostingPreview } from './use-posting.ts';
import { documentQueryKey } from './use-sales-document.ts';

type PostedLink = { kind: PostedDocumentKind<DocumentFamily>; no: string };
type PostingOutcome = Pick<PostingResult, 'no' | 'documentDeleted'>;

/** What a family's posting and its Preview Posting answer: the posted documents each names (the preview's are provisional). */
export interface PostingFamily<Result extends PostingOutcome, Preview extends PreviewLedgers> {
  postedOf: (result: Result) => PostedLink[];
  previewedOf: (preview: Preview) => PostedLink[];
}

export const salesPosting: PostingFamily<PostingResult, PostingPreview> = { postedOf: postedDocumentsOf, previewedOf: postedDocumentsOf };

interface PostingActionsProps<Result extends PostingOutcome, Preview extends PreviewLedgers> {
  kind: AnyDocumentKind;
  document: { no: string };
  busy: boolean;
  /** The page's banner: cleared when Post or Preview Posting starts, set by a refusal. */
  onError: BannerSetter;
  locale: SupportedLocale;
  family: PostingFamily<Result, Preview>;
}

/** Post… and Preview Posting…; after posting, a notice links the posted documents. */
export function PostingActions<Result extends PostingOutcome & { document: unknown }, Preview extends PreviewLedgers>(
  { kind, document, busy, onError, locale, family }: PostingActionsProps<Result, Preview>,
) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = usePostDocument<Result>(kind, document.no);
  const preview = usePostingPreview<Preview>(kind, document.no);
  const [dialog, setDialog] = useState<'post' | 'preview' | null>(null);
  const [previewShown, setPreviewShown] = useState<ShownPreview | null>(null);

  const runPost = (request: PostRequest) => {
    setDialog(null);
    return runWithBanner(onError, async () => {
      const result = await post.mutateAsync(request);
      const posted = family.postedOf(result);
      announce(kind, result, posted);
      if (!result.documentDeleted) return;
      const [opened] = posted.filter((candidate) => candidate.kind.billed);
      navigate(opened ? postedDocumentPath(opened.kind, opened.no) : documentListPath(kind), { replace: true });
      queryClient.removeQueries({ queryKey: documentQueryKey(kind, document.no) });
    });
  };
  const runPreview = (request: PostRequest) => {
    setDialog(null);
    return runWithBanner(onError, async () => {
      const answer = await preview.mutateAsync(request);
      setPreviewShown({ document: `${t(kind.caption)} ${document.no}`, documents: family.previewedOf(answer), ledgers: answer });
    });
  };
  // An invoice or credit memo has nothing to choose: its preview runs at once.
  const startPreview = () => (postingChoices(kind).length === 0 ? void runPreview({}) : setDialog('preview'));

  return (
    <>
      <Button onClick={() => setDialog('post')} disabled={busy} loading={post.isPending}>{t('Post…')}</Button>
      <Button variant="default" onClick={startPreview} disabled={busy} loading={preview.isPending}>{t('Preview Posting…')}</Button>
      <PostDialog key={`${dialog}`} kind={kind} no={document.no} purpose={dialog ?? 'post'} opened={dialog !== null} onClose={() => setDialog(null)}
        onConfirm={(request) => void (dialog === 'preview' ? runPreview(request) : runPost(request))} />
      <PostingPreviewDialog shown={previewShown} onClose={() => setPreviewShown(null)} locale={locale} />
    </>
  );
}

function announce(kind: AnyDocumentKind, result: PostingOutcome, documents: PostedLink[]) {
  const values = { document: caption(kind.caption), no: result.no };
  const left = result.documentDeleted ? '' : ` ${caption('{{document}} {{no}} stays open for what is left.', values)}`;
  showNotice({
    title: caption('{{document}} {{no}} posted', values),
    color: 'teal',
    body: (
      <>
        <PostedDocumentLinks documents={documents} />
        {left && <span>{left}</span>}
      </>
    ),
  });
}

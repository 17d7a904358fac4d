/**
 * The general journal's request and answers as the web app uses them, derived from core's schemas
 * (POST /api/v1/generalJournal/post and …/preview): what the page sends is what the API parses.
 */
import type { z } from 'zod';
import type { generalJournalLine, generalJournalPost } from '../../core/journal/general-journal.schemas.ts';

export type { GeneralJournalPostingResult, GeneralJournalPreview } from '../../core/journal/general-journal.views.ts';

export type GeneralJournalRequest = z.input<typeof generalJournalPost>;
export type GeneralJournalLineRequest = z.input<typeof generalJournalLine>;

export type JournalDocumentType = NonNullable<GeneralJournalLineRequest['documentType']>;
export type JournalAccountType = GeneralJournalLineRequest['accountType'];

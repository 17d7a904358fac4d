import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { captionOf } from '../format/captions.ts';
import { parseDecimalInput } from '../format/numbers.ts';
import { caption } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import {
  registerRequestOf, searchTextOf, splitRefusal, tick, withDateReceived,
  type PaymentMarks, type PaymentRegistrationDocument, type RegisterPaymentsOptions, type RegisterPaymentsRequest, type RegisterPaymentsResult, type RowErrors, type RowField,
} from './register-payments.ts';

/** The list shows this many documents at most: the filters find the others. */
export const documentLimit = 200;

/** Customer No., Search Documents (as typed) and the ± % an amount searched for may differ by. */
export interface DocumentFilters { customerNo: string; search: string; amountTolerancePercent: string }

/** Why posting was refused: the server's detail and the field errors it names outside the rows. */
export interface PaymentRefusal { detail: string; other: Readonly<Record<string, string>> }

const noOptions: RegisterPaymentsOptions = { balAccountType: 'bankAccount', balAccountNo: '', acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false };

/** The open documents to pay, oldest due first; amounts after discount are those of the work date. */
export function usePaymentDocuments(filters: DocumentFilters) {
  const { workDate, locale } = useSession();
  const query = { ...filters, search: searchTextOf(filters.search, locale), amountTolerancePercent: parseDecimalInput(filters.amountTolerancePercent, locale) ?? undefined };
  return useQuery({
    queryKey: ['paymentRegistration', 'documents', query, workDate],
    queryFn: () => api.get<{ items: PaymentRegistrationDocument[] }>(withQuery('/paymentRegistration/documents', { ...query, limit: documentLimit })),
  });
}

/**
 * The server balances on the cash receipts batch's balancing account unless another is chosen
 * (payment-registration.ts `paymentRegistrationBatch`): shown beside the empty field, "" if none.
 */
export function useDefaultBalAccount() {
  const batch = useQuery({
    queryKey: ['journalBatch', 'CASHRCPT', 'GENERAL'],
    queryFn: () => api.get<{ balAccountType: string | null; balAccountNo: string | null }>('/journalTemplates/CASHRCPT/batches/GENERAL'),
  });
  if (!batch.data) return null;
  return batch.data.balAccountNo ? `${caption(captionOf(batch.data.balAccountType ?? ''))} ${batch.data.balAccountNo}` : '';
}

/** The row's errors without the one of the field just edited (editing a field answers its error). */
function withoutAnswered(errors: RowErrors, entryNo: number, field: RowField): RowErrors {
  const row = errors[entryNo];
  if (!row) return errors;
  const { [field]: _answered, row: _row, ...rest } = row;
  return { ...errors, [entryNo]: rest };
}

/**
 * The ticks (kept while the filters change, as BC keeps Payment Made on its buffer), the options,
 * and Post Payments / Post as Lump Payment: client-side errors and the server's refusal are marked
 * on their rows; a posting clears the ticks and every list reads again.
 */
export function useRegisterPayments(onPosted: (result: RegisterPaymentsResult, lumpPayment: boolean) => void) {
  const { workDate, locale } = useSession();
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<PaymentMarks>({});
  const [options, setOptions] = useState<RegisterPaymentsOptions>(noOptions);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [refusal, setRefusal] = useState<PaymentRefusal | null>(null);
  const posting = useMutation({
    mutationFn: ({ request }: { request: RegisterPaymentsRequest; lumpPayment: boolean }) => api.post<RegisterPaymentsResult>('/paymentRegistration/post', request),
    onSuccess: (result, { lumpPayment }) => {
      setMarks({});
      onPosted(result, lumpPayment);
      void queryClient.invalidateQueries();
    },
    onError: (error, { request }) => {
      const split = splitRefusal(error instanceof ApiError ? error.fieldErrors : {}, request);
      setRowErrors(split.rows);
      setRefusal({ detail: messageOf(error), other: split.other });
    },
  });
  const update = (entryNo: number, field: RowField, change: (marks: PaymentMarks) => PaymentMarks) => {
    setMarks(change);
    setRowErrors((current) => withoutAnswered(current, entryNo, field));
  };

  return {
    marks, options, rowErrors, refusal, workDate, locale,
    busy: posting.isPending,
    setOptions,
    setPaymentMade: (document: PaymentRegistrationDocument, made: boolean) => update(document.entryNo, 'row', (current) => {
      if (made) return { ...current, [document.entryNo]: tick(document, workDate, locale) };
      const { [document.entryNo]: _unticked, ...rest } = current;
      return rest;
    }),
    /** A date entered on an unticked row ticks it, as BC's Date Received sets Payment Made. */
    setDateReceived: (document: PaymentRegistrationDocument, date: string) => update(document.entryNo, 'dateReceived', (current) => ({
      ...current, [document.entryNo]: withDateReceived(current[document.entryNo] ?? tick(document, workDate, locale), date, workDate, locale),
    })),
    setAmountText: (document: PaymentRegistrationDocument, text: string) => update(document.entryNo, 'amountReceived', (current) => ({
      ...current, [document.entryNo]: { ...(current[document.entryNo] ?? tick(document, workDate, locale)), amountText: text, amountEdited: true },
    })),
    post: (lumpPayment: boolean) => {
      setRefusal(null);
      const outcome = registerRequestOf(marks, options, lumpPayment, locale);
      setRowErrors(outcome.errors ?? {});
      if (outcome.request) posting.mutate({ request: outcome.request, lumpPayment });
      else setRefusal({ detail: caption('Some amounts received are not filled in correctly: see the marked rows.'), other: {} });
    },
  };
}

export type RegisterPaymentsState = ReturnType<typeof useRegisterPayments>;

import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import type { SalesDocument } from '../api/types.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { insertModeCaptions, type RecurringSalesCodeOffer } from '../standard-sales/standard-sales-types.ts';
import type { DocumentKind } from './document-kinds.ts';
import { PickLinesModal } from './pick-lines-modal.tsx';
import { recurringLinesOfferOf } from './recurring-lines-after-create.ts';
import type { DocumentChange } from './use-sales-document.ts';

/** A code as GET …/recurringSalesCodes lists it. */
interface RecurringSalesCode extends RecurringSalesCodeOffer {
  currencyCode: string | null;
  validFromDate: string | null;
  validToDate: string | null;
  paymentMethodCode: string | null;
}

interface GetRecurringSalesLinesActionProps {
  kind: DocumentKind;
  document: SalesDocument;
  busy: boolean;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  locale: SupportedLocale;
}

/**
 * BC's Get Recurring Sales Lines (spec §9.2): the customer's codes in the document's currency, not
 * blocked; the chosen codes' lines are added, priced as typed lines. A document just created with
 * codes to ask about (spec §9.3) opens it at once, those not Manual chosen.
 */
export function GetRecurringSalesLinesAction({ kind, document, busy, send, locale }: GetRecurringSalesLinesActionProps) {
  const t = useCaptions();
  const location = useLocation();
  const navigate = useNavigate();
  const [offer] = useState(() => recurringLinesOfferOf(location.state, document.no));
  const [opened, setOpened] = useState(offer !== null);
  // The offer is made once: a reload or going back to the page does not make it again.
  useEffect(() => {
    if (offer !== null) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [offer, navigate, location.pathname, location.search]);

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} disabled={busy || document.status !== 'open'}>{t('Get Recurring Sales Lines…')}</Button>
      {opened && <GetRecurringSalesLinesDialog kind={kind} document={document} offer={offer} send={send} locale={locale} onClose={() => setOpened(false)} />}
    </>
  );
}

function columns(locale: SupportedLocale): SelectionColumn<RecurringSalesCode>[] {
  return [
    { key: 'code', label: 'Code', render: (code) => code.code },
    { key: 'description', label: 'Description', render: (code) => code.description },
    { key: 'mode', label: 'Insert Mode', render: (code) => caption(insertModeCaptions[code.mode]) },
    { key: 'validFromDate', label: 'Valid From Date', render: (code) => formatDate(code.validFromDate, locale) },
    { key: 'validToDate', label: 'Valid To Date', render: (code) => formatDate(code.validToDate, locale) },
    { key: 'paymentMethodCode', label: 'Payment Method Code', render: (code) => code.paymentMethodCode ?? '' },
  ];
}

interface DialogProps {
  kind: DocumentKind;
  document: SalesDocument;
  /** The codes a new document's creation asked about, or null when the user opened the action. */
  offer: RecurringSalesCodeOffer[] | null;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  locale: SupportedLocale;
  onClose: () => void;
}

function GetRecurringSalesLinesDialog({ kind, document, offer, send, locale, onClose }: DialogProps) {
  const t = useCaptions();
  const codes = useQuery({
    queryKey: ['recurringSalesCodes', kind.type, document.no, document.version],
    queryFn: () => api.get<{ items: RecurringSalesCode[] }>(`/${kind.resource}/${encodeKey(document.no)}/recurringSalesCodes`),
  });
  const [selected, setSelected] = useState<Set<string>>(() => new Set((offer ?? []).filter((code) => code.mode !== 'manual').map((code) => code.code)));
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const rows = codes.data?.items ?? [];

  const submit = async () => {
    const chosen = rows.filter((code) => selected.has(code.code)).map((code) => code.code);
    setSubmitting(true);
    setFailure(null);
    try {
      const before = document.lines.length;
      const filled = await send({ method: 'POST', path: '/getRecurringSalesLines', body: { codes: chosen } });
      showNotice({
        title: t('Recurring sales lines added'), color: 'teal',
        body: t('{{number}} line(s) from {{source}} were added to {{document}} {{no}}.', {
          number: filled.lines.length - before, source: t('recurring sales code {{code}}', { code: chosen.join(', ') }), document: t(kind.caption), no: document.no,
        }),
      });
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PickLinesModal title={t('Get Recurring Sales Lines')} opened onClose={onClose} loading={codes.isPending} loadError={codes.error} count={rows.length}
      emptyText={t('Customer {{customerNo}} has no recurring sales codes in the currency of this {{document}} that are not blocked.', {
        customerNo: document.sellToCustomerNo, document: t(kind.caption).toLowerCase(),
      })}
      failure={failure} submitting={submitting} canSubmit={selected.size > 0 && !submitting} onSubmit={() => void submit()}>
      {offer !== null && (
        <Text size="sm">
          {t('Customer {{customerNo}} has recurring sales codes to ask about for a new {{document}}. Choose the codes whose lines to add, or Cancel to add none.', {
            customerNo: document.sellToCustomerNo, document: t(kind.caption).toLowerCase(),
          })}
        </Text>
      )}
      <SelectionTable label={t('Recurring sales codes')} rows={rows} rowKey={(code) => code.code} rowLabel={(code) => t('Select code {{code}}', { code: code.code })}
        columns={columns(locale)} selected={selected} onChange={setSelected} />
    </PickLinesModal>
  );
}

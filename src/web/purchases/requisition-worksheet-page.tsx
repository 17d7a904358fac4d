import { Alert, Anchor, Autocomplete, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { documentPath } from '../sales/document-kinds.ts';
import { purchasingKinds } from '../sales/purchasing.ts';
import { useSession } from '../session/session-store.ts';
import { purchaseKinds } from './purchase-kinds.ts';
import { salesOrderLookup } from './purchase-lookups.ts';
import { purchasingKindCaptions } from './requisition-lines.ts';
import { RequisitionLinesTable } from './requisition-lines-table.tsx';
import { useRequisitionWorksheet, type RequisitionWorksheet } from './use-requisition-worksheet.ts';
import { defaultWorksheetName, worksheetNameChoices, worksheetNameOf } from './worksheet-name.ts';
import { useCaptions } from '../i18n/captions.ts';

/**
 * BC's Requisition Worksheet: Drop Shipment / Special Order → Get Sales Orders proposes a line per sales
 * line to buy (the vendor from the item), Capable to Promise's Accept puts its replenishments on its own
 * worksheet (PROMISING); the purchaser changes the vendor or cost, then Carry Out Action Message makes
 * the purchase orders, linked to the sales lines. The worksheet's name is in the address (`?name=`).
 */
export function RequisitionWorksheetPage() {
  const [params, setParams] = useSearchParams();
  const name = worksheetNameOf(params.get('name'));
  const choose = (next: string) => setParams(next === defaultWorksheetName ? {} : { name: next });
  // A new mount per name: drafts, refusals and created orders of one worksheet never show on another.
  return <WorksheetView key={name} name={name} onChoose={choose} />;
}

function WorksheetView({ name, onChoose }: { name: string; onChoose: (name: string) => void }) {
  const t = useCaptions();
  const { locale } = useSession();
  const worksheet = useRequisitionWorksheet(locale, name);
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Requisition Worksheet')}</Title>
      <Group align="flex-end" gap="lg">
        <WorksheetNamePicker name={name} onChoose={onChoose} />
        <GetSalesOrdersBar worksheet={worksheet} />
      </Group>
      {worksheet.linesQuery.error && <Alert color="red" role="alert">{messageOf(worksheet.linesQuery.error)}</Alert>}
      {worksheet.refusal && (
        <Alert color="red" role="alert" title={t(worksheet.refusal.title)}>
          <Text size="sm">{worksheet.refusal.detail}</Text>
          {worksheet.refusal.elsewhere.length > 0 && <List size="sm">{worksheet.refusal.elsewhere.map((message) => <List.Item key={message}>{message}</List.Item>)}</List>}
        </Alert>
      )}
      {worksheet.purchaseOrderNos && <CreatedPurchaseOrders numbers={worksheet.purchaseOrderNos} />}
      {worksheet.linesQuery.isPending ? <Loader size="sm" />
        : worksheet.lines.length === 0 ? <Text c="dimmed">{t('Nothing to show.')}</Text>
          : <RequisitionLinesTable worksheet={worksheet} locale={locale} />}
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button onClick={() => void worksheet.carryOut()} disabled={worksheet.lines.length === 0 || worksheet.busy === 'getSalesOrders'}
          loading={worksheet.busy === 'carryOut'}>{t('Carry Out Action Message')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * The worksheet shown: DEFAULT, PROMISING or a name typed; chosen from the list, or typed and
 * Enter or leaving the field. The latest text is kept in a ref, so a blur that follows a choice does not undo it.
 */
function WorksheetNamePicker({ name, onChoose }: { name: string; onChoose: (name: string) => void }) {
  const t = useCaptions();
  const [text, setText] = useState(name);
  const latest = useRef(name);
  const type = (value: string) => {
    latest.current = value;
    setText(value);
  };
  const choose = (value: string) => {
    const chosen = worksheetNameOf(value);
    type(chosen);
    if (chosen !== name) onChoose(chosen);
  };
  return (
    <Autocomplete label={t('Worksheet Name')} w={180} value={text} data={worksheetNameChoices(name)} autoComplete="off"
      onChange={type} onOptionSubmit={choose} onBlur={() => choose(latest.current)}
      onKeyDown={(event) => event.key === 'Enter' && choose(latest.current)} />
  );
}

/** Get Sales Orders, of every sales order or the one chosen. */
function GetSalesOrdersBar({ worksheet }: { worksheet: RequisitionWorksheet }) {
  const t = useCaptions();
  const [salesOrderNo, setSalesOrderNo] = useState('');
  return (
    <Group align="flex-end" gap="xs" role="toolbar" aria-label={t('Get Sales Orders')}>
      <RecordLookup source={salesOrderLookup} value={salesOrderNo} onChange={setSalesOrderNo} onCommit={setSalesOrderNo}
        inputProps={{ label: t('Sales Order No.'), placeholder: t('All sales orders'), w: 220, error: worksheet.filterErrors.salesOrderNo }} />
      {purchasingKinds.map((kind) => (
        <Button key={kind} variant="default" disabled={worksheet.busy === 'carryOut'} loading={worksheet.busy === 'getSalesOrders'}
          onClick={() => void worksheet.getSalesOrders(kind, salesOrderNo)}>
          {t('Get Sales Orders ({{kind}})', { kind: t(purchasingKindCaptions[kind]) })}
        </Button>
      ))}
    </Group>
  );
}

/** What Carry Out Action Message made: a link to each purchase order. */
function CreatedPurchaseOrders({ numbers }: { numbers: readonly string[] }) {
  const t = useCaptions();
  return (
    <Alert color="teal" title={t('Purchase orders created')} aria-label={t('Purchase orders created')}>
      <Group gap="xs">
        {numbers.map((no) => <Anchor key={no} component={Link} to={documentPath(purchaseKinds.order, no)} size="sm">{no}</Anchor>)}
      </Group>
    </Alert>
  );
}

import { Alert, Anchor, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
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
import { useCaptions } from '../i18n/captions.ts';

/**
 * BC's Requisition Worksheet for drop shipments and special orders: Drop Shipment / Special Order →
 * Get Sales Orders proposes a line per sales line to buy (the vendor from the item), the purchaser
 * changes the vendor or cost, then Carry Out Action Message makes the purchase orders, linked to the sales lines.
 */
export function RequisitionWorksheetPage() {
  const t = useCaptions();
  const { locale } = useSession();
  const worksheet = useRequisitionWorksheet(locale);
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Requisition Worksheet')}</Title>
      <GetSalesOrdersBar worksheet={worksheet} />
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

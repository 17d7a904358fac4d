/**
 * Payment Services (spec §21.1, §21.4): the PayPal Payments Standard setup — account, target URL,
 * sandbox, whether new documents carry it, and where notified payments are registered — and the
 * notifications PayPal sent, accepted or refused with the reason. The notify secret is never shown.
 */
import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { PaymentNotificationView, PaymentServiceSetupView } from '../../core/master-data/payment-service.schemas.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';

const setupKey = ['paymentServices', 'PAYPAL'];

export function PaymentServicesPage() {
  const setup = useQuery({ queryKey: setupKey, queryFn: () => api.get<PaymentServiceSetupView>('/paymentServices/PAYPAL') });
  if (setup.error) return <Alert color="red" role="alert">{messageOf(setup.error)}</Alert>;
  if (!setup.data) return null;
  return (
    <Stack gap="xl">
      <PayPalSetupForm setup={setup.data} />
      <NotificationLog />
    </Stack>
  );
}

type Editable = Omit<PaymentServiceSetupView, 'code' | 'effectiveTargetUrl' | 'notifyEndpoint' | 'notifyTokenSet' | 'version'>;

function editableOf(setup: PaymentServiceSetupView): Editable {
  const { code: _code, effectiveTargetUrl: _target, notifyEndpoint: _endpoint, notifyTokenSet: _token, version: _version, ...fields } = setup;
  return fields;
}

function PayPalSetupForm({ setup }: { setup: PaymentServiceSetupView }) {
  const t = useCaptions();
  const client = useQueryClient();
  const [values, setValues] = useState<Editable>(editableOf(setup));
  const save = useMutation({
    mutationFn: () => api.patch<PaymentServiceSetupView>('/paymentServices/PAYPAL', { ...values, balAccountNo: values.balAccountNo || null, version: setup.version }),
    onSuccess: (saved) => { setValues(editableOf(saved)); client.setQueryData(setupKey, saved); },
  });
  const regenerate = useMutation({
    mutationFn: () => api.post<PaymentServiceSetupView>('/paymentServices/PAYPAL/regenerateNotifySecret'),
    onSuccess: (saved) => client.setQueryData(setupKey, saved),
  });
  const errors = fieldErrorsOfRequest(save.error);
  const text = (field: keyof Editable) => ({
    value: String(values[field] ?? ''), error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      // Read now: React clears currentTarget before a state updater runs.
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });
  const flag = (field: 'enabled' | 'alwaysIncludeOnDocuments' | 'sandbox') => ({
    checked: values[field], onChange: (event: { currentTarget: { checked: boolean } }) => {
      const { checked } = event.currentTarget;
      setValues((current) => ({ ...current, [field]: checked }));
    },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Stack component="form" gap="sm" maw={640} onSubmit={submit} aria-label={t('PayPal Payments Standard')}>
      <Title order={2}>{t('Payment Services')}</Title>
      <Text c="dimmed" size="sm">{t('PayPal Payments Standard: posted invoices show a "Pay with PayPal" link in their email and PDF.')}</Text>
      {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
      {save.isSuccess && <Alert color="green" role="status">{t('Saved.')}</Alert>}
      <TextInput label={t('Name')} {...text('name')} />
      <TextInput label={t('Description')} {...text('description')} />
      <Checkbox label={t('Enabled')} {...flag('enabled')} />
      <Checkbox label={t('Always Include on Documents')} description={t('New quotes, orders and invoices carry PayPal in their Payment Service Set')} {...flag('alwaysIncludeOnDocuments')} />
      <TextInput label={t('Account ID')} description={t('The PayPal business e-mail payments go to')} {...text('accountId')} />
      <TextInput label={t('Target URL')} description={t('Links use {{url}}', { url: setup.effectiveTargetUrl })} {...text('targetUrl')} />
      <Checkbox label={t('Sandbox')} description={t("Test invoices on PayPal's sandbox; no money is transferred")} {...flag('sandbox')} />
      <TextInput label={t('Terms of Service')} {...text('termsOfServiceUrl')} />
      <TextInput label={t('Notify Base URL')} description={t('The address PayPal reaches this server at; blank: payments are not registered automatically')} {...text('notifyBaseUrl')} />
      <Group grow>
        <Select label={t('Bal. Account Type')} value={values.balAccountType} allowDeselect={false}
          onChange={(value) => value && setValues((current) => ({ ...current, balAccountType: value as Editable['balAccountType'] }))}
          data={[{ value: 'glAccount', label: t('G/L Account') }, { value: 'bankAccount', label: t('Bank Account') }]} />
        <TextInput label={t('Bal. Account No.')} {...text('balAccountNo')} />
      </Group>
      {setup.notifyEndpoint && <Text size="sm">{t('PayPal notifies')} <code>{setup.notifyEndpoint}</code> {t("(each invoice's link carries its own token).")}</Text>}
      <Group>
        <Button type="submit" loading={save.isPending}>{t('Save')}</Button>
        <Button variant="default" loading={regenerate.isPending} onClick={() => regenerate.mutate()}>{t('New notify secret')}</Button>
      </Group>
      {regenerate.isSuccess && <Alert color="yellow" role="status">{t('New secret set: links sent before can no longer register payments.')}</Alert>}
    </Stack>
  );
}

function NotificationLog() {
  const t = useCaptions();
  const log = useQuery({
    queryKey: ['paymentServices', 'PAYPAL', 'notifications'],
    queryFn: () => api.get<{ items: PaymentNotificationView[] }>('/paymentServices/PAYPAL/notifications?limit=100'),
  });
  if (log.error) return <Alert color="red" role="alert">{messageOf(log.error)}</Alert>;
  const items = log.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('Payment notifications')}</Title>
      {items.length === 0 ? <Text c="dimmed">{t('No notifications received.')}</Text> : (
        <Table striped aria-label={t('Payment notifications')}>
          <Table.Thead><Table.Tr>
            {[t('Received'), t('Status'), t('Invoice', { context: 'document' }), t('Transaction'), t('Amount'), t('Payment'), t('Reason')].map((heading, index) => <Table.Th key={index}>{heading}</Table.Th>)}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.receivedAt.slice(0, 19).replace('T', ' ')}</Table.Td>
                <Table.Td><Badge color={row.status === 'accepted' ? 'green' : 'red'}>{t(row.status, { context: 'paymentNotification' })}</Badge></Table.Td>
                <Table.Td>{row.invoiceNo}</Table.Td>
                <Table.Td>{row.transactionId}</Table.Td>
                <Table.Td>{row.grossAmount} {row.currencyCode}</Table.Td>
                <Table.Td>{row.paymentDocumentNo ?? ''}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

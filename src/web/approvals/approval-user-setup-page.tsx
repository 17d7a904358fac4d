/**
 * Approval User Setup (spec §1.5, §19.1): per user, their approver, the sales amount they may
 * approve (or unlimited), their salesperson code, a substitute, whether they administer
 * approvals, and an email address.
 */
import { Checkbox, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { SetupListPage, type SetupColumn } from '../components/setup-list-page.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, formatAmount, parseDecimalInput } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import type { ApprovalUserSetup } from './approval-model.ts';
import { UserSelect } from './user-select.tsx';
import { useCaptions } from '../i18n/captions.ts';

const yes = (t: ReturnType<typeof useCaptions>, value: boolean) => (value ? t('Yes') : '');

const columns = (locale: SupportedLocale, t: ReturnType<typeof useCaptions>): SetupColumn<ApprovalUserSetup>[] => [
  { header: 'User ID', cell: (setup) => setup.userId },
  { header: 'Approver ID', cell: (setup) => setup.approverId },
  { header: 'Sales Amount Approval Limit', align: 'right', cell: (setup) => formatAmount(setup.salesAmountApprovalLimit, locale) },
  { header: 'Unlimited Sales Approval', cell: (setup) => yes(t, setup.unlimitedSalesApproval) },
  { header: 'Salesperson Code', cell: (setup) => setup.salespersonCode },
  { header: 'Substitute', cell: (setup) => setup.substitute },
  { header: 'Approval Administrator', cell: (setup) => yes(t, setup.approvalAdministrator) },
  { header: 'E-Mail', cell: (setup) => setup.email },
];

export function ApprovalUserSetupPage() {
  const t = useCaptions();
  const { locale } = useSession();
  return (
    <SetupListPage<ApprovalUserSetup> title={t('Approval User Setup')} resource="/approvalUserSetups" queryKey={['approvalUserSetups']} keyOf={(setup) => setup.userId}
      columns={columns(locale, t)}
      dialog={(editing, { close, saved }) => <SetupDialog setup={editing === 'new' ? null : editing} onClose={close} onSaved={saved} />} />
  );
}

const fields = ['userId', 'approverId', 'salesAmountApprovalLimit', 'salespersonCode', 'substitute', 'email'];

function SetupDialog({ setup, onClose, onSaved }: { setup: ApprovalUserSetup | null; onClose: () => void; onSaved: () => void }) {
  const t = useCaptions();
  const { locale } = useSession();
  const [values, setValues] = useState({
    userId: setup?.userId ?? null as string | null, approverId: setup?.approverId ?? null, salesAmountApprovalLimit: decimalForInput(setup?.salesAmountApprovalLimit ?? '0', locale),
    unlimitedSalesApproval: setup?.unlimitedSalesApproval ?? false, salespersonCode: setup?.salespersonCode ?? null, substitute: setup?.substitute ?? null,
    approvalAdministrator: setup?.approvalAdministrator ?? false, email: setup?.email ?? '',
  });
  const save = useDialogRequest(() => {
    const { userId, salesAmountApprovalLimit, ...rest } = values;
    const body = { ...rest, salesAmountApprovalLimit: parseDecimalInput(salesAmountApprovalLimit, locale) ?? salesAmountApprovalLimit };
    return setup ? api.patch(`/approvalUserSetups/${encodeKey(setup.userId)}`, body, setup.version) : api.post('/approvalUserSetups', { userId: userId ?? '', ...body });
  }, fields, onSaved);
  const { errors } = save;
  return (
    <FormDialog opened title={setup ? t('Approval User Setup {{user}}', { user: setup.userId }) : t('New Approval User Setup')} onClose={onClose} submitLabel="Save"
      pending={save.pending} failure={save.failure} onSubmit={() => save.submit(undefined)}>
      <UserSelect label={t('User ID')} value={values.userId} disabled={setup !== null} error={errors.userId} clearable={false} onChange={(userId) => setValues({ ...values, userId })} />
      <UserSelect label={t('Approver ID')} value={values.approverId} error={errors.approverId} onChange={(approverId) => setValues({ ...values, approverId })} />
      <TextInput label={t('Sales Amount Approval Limit')} value={values.salesAmountApprovalLimit} error={errors.salesAmountApprovalLimit} disabled={values.unlimitedSalesApproval}
        onChange={(event) => setValues({ ...values, salesAmountApprovalLimit: event.currentTarget.value })} />
      <Checkbox label={t('Unlimited Sales Approval')} checked={values.unlimitedSalesApproval}
        onChange={(event) => setValues({ ...values, unlimitedSalesApproval: event.currentTarget.checked })} />
      <CodeSelect lookup="/salespeople" label={t('Salesperson Code')} value={values.salespersonCode} error={errors.salespersonCode}
        onChange={(salespersonCode) => setValues({ ...values, salespersonCode })} />
      <UserSelect label={t('Substitute')} value={values.substitute} error={errors.substitute} onChange={(substitute) => setValues({ ...values, substitute })} />
      <Checkbox label={t('Approval Administrator')} checked={values.approvalAdministrator}
        onChange={(event) => setValues({ ...values, approvalAdministrator: event.currentTarget.checked })} />
      <TextInput label={t('E-Mail')} value={values.email} error={errors.email} onChange={(event) => setValues({ ...values, email: event.currentTarget.value })} />
    </FormDialog>
  );
}

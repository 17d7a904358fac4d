/**
 * Company Information (BC page 1): the company's name, address, registration and bank details that
 * print on the letterhead of every document, and its logo (issue 17) with a preview; its base calendar
 * with the company's customized changes, and how availability is checked (issue 20).
 */
import { Alert, Button, Fieldset, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { companyInformationUpdate } from '../../core/master-data/setup.schemas.ts';
import { RecordFormFields } from '../components/record-form-fields.tsx';
import { toFormValues, toPayload, type FieldGroup, type FieldSpec, type FormValue } from '../components/record-fields.ts';
import { useSession } from '../session/session-store.ts';
import { baseCalendarCodeField } from './calendar-pages.ts';
import { CustomizedCalendarPanel } from './customized-calendar-panel.tsx';
import { fetchCompanyLogo, removeCompanyLogo, uploadCompanyLogo } from './company-logo-api.ts';
import { useCaptions } from '../i18n/captions.ts';

type CompanyInformation = Record<string, string | number | null> & { version: number; logoMimeType: string };

const text = (name: string, label: string): FieldSpec => ({ name, label, kind: 'text' });
const timeBuckets = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' };

const fieldGroups: readonly FieldGroup[] = [
  {
    title: 'General',
    fields: [text('name', 'Name'), text('address', 'Address'), text('address2', 'Address 2'), text('postCode', 'Post Code'), text('city', 'City'),
      text('countryRegionCode', 'Country/Region Code')],
  },
  { title: 'Communication', fields: [text('phoneNo', 'Phone No.'), text('email', 'Email'), text('homePage', 'Home Page')] },
  {
    title: 'Payments and registration',
    fields: [text('bankName', 'Bank Name'), text('iban', 'IBAN'), text('swiftCode', 'SWIFT Code'), text('vatRegistrationNo', 'VAT Registration No.'),
      text('registrationNo', 'Registration No.'), text('electronicAddress', 'Electronic Address (Peppol)'), text('electronicAddressScheme', 'Electronic Address Scheme')],
  },
  {
    // Spec §16.1–16.2: the company's working days, and how far and in which periods availability is checked.
    title: 'Shipping',
    fields: [baseCalendarCodeField, text('checkAvailPeriodCalc', 'Check-Avail. Period Calc.'),
      { name: 'checkAvailTimeBucket', label: 'Check-Avail. Time Bucket', kind: 'choice', options: timeBuckets }],
  },
];
const editableFields = fieldGroups.flatMap((group) => group.fields);

export function CompanyInformationPage() {
  const t = useCaptions();
  const company = useQuery({ queryKey: ['companyInformation'], queryFn: () => api.get<CompanyInformation>('/companyInformation') });
  if (company.error) return <Alert color="red" role="alert">{messageOf(company.error)}</Alert>;
  if (!company.data) return null;
  const calendar = company.data.baseCalendarCode;
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('Company Information')}</Title>
      <CompanyLogo company={company.data} />
      {/* Not keyed by version: a logo change (which counts as a change of the record) keeps what is being typed. */}
      <CompanyForm company={company.data} />
      <CustomizedCalendarPanel sourceType="company" sourceCode="" baseCalendarCode={typeof calendar === 'string' ? calendar : null} />
    </Stack>
  );
}

function CompanyForm({ company }: { company: CompanyInformation }) {
  const t = useCaptions();
  const { locale } = useSession();
  const client = useQueryClient();
  const [values, setValues] = useState(() => toFormValues(company, editableFields, locale));
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<CompanyInformation>('/companyInformation', body, company.version),
    onSuccess: (saved) => {
      client.setQueryData(['companyInformation'], saved);
      // As the server keeps them (a date formula upper-cased).
      setValues(toFormValues(saved, editableFields, locale));
    },
  });
  const errors = { ...fieldErrorsOfRequest(save.error), ...invalid };
  // Checked with the API's schema first, so that a wrong date formula shows on its field before it is sent.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = companyInformationUpdate.safeParse(toPayload(values, editableFields, locale));
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _fixed, ...rest }) => rest);
  };
  return (
    <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('Company Information')}>
      {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
      {save.isSuccess && <Alert color="green" role="status">{t('Saved.')}</Alert>}
      <RecordFormFields groups={fieldGroups} values={values} errors={errors} onChange={setValue} />
      <Group><Button type="submit" loading={save.isPending}>{t('Save')}</Button></Group>
    </Stack>
  );
}

/** The logo printed top right on documents: a preview, Upload (PNG or JPEG, at most 1 MB) and Remove. */
function CompanyLogo({ company }: { company: CompanyInformation }) {
  const t = useCaptions();
  const client = useQueryClient();
  const hasLogo = company.logoMimeType !== '';
  const logo = useQuery({ queryKey: ['companyLogo', company.version], queryFn: fetchCompanyLogo, enabled: hasLogo });
  const preview = useObjectUrl(hasLogo ? logo.data ?? null : null);
  const reset = useRef<() => void>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['companyInformation'] });
  const upload = useMutation({ mutationFn: uploadCompanyLogo, onSuccess: refresh });
  const remove = useMutation({ mutationFn: removeCompanyLogo, onSuccess: refresh });
  const failure = upload.error ?? remove.error ?? logo.error;
  return (
    <Fieldset legend={t('Logo')} aria-label={t('Company logo')}>
      <Stack gap="xs">
        {failure && <Alert color="red" role="alert" title={t('The logo was not changed')}>{messageOf(failure)}</Alert>}
        {preview
          ? <Image src={preview} alt={t('Company logo')} w="auto" h="auto" mah={60} maw={150} fit="contain" data-testid="company-logo-preview" />
          : <Text size="sm" c="dimmed">{hasLogo ? t('Loading the logo…') : t('No logo: documents print the company name only.')}</Text>}
        <Text size="xs" c="dimmed">{t('A PNG or JPEG of at most 1 MB, printed top right on quotes, orders, invoices and credit memos (scaled to 150 × 60 pt).')}</Text>
        <Group gap="xs">
          <FileButton resetRef={reset} accept="image/png,image/jpeg"
            onChange={(file) => { if (file) { remove.reset(); upload.mutate(file); } reset.current?.(); }}>
            {(props) => <Button {...props} variant="default" loading={upload.isPending}>{hasLogo ? t('Replace Logo…') : t('Upload Logo…')}</Button>}
          </FileButton>
          <Button variant="default" color="red" disabled={!hasLogo} loading={remove.isPending} onClick={() => { upload.reset(); remove.mutate(); }}>{t('Remove Logo')}</Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** An object URL for the blob while it is shown, revoked when it changes or the page closes. */
function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) { setUrl(null); return undefined; }
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url;
}

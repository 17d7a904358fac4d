/**
 * Company Information (BC page 1): the company's name, address, registration and bank details that
 * print on the letterhead of every document, and its logo (issue 17) with a preview.
 */
import { Alert, Button, Fieldset, FileButton, Group, Image, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { fetchCompanyLogo, removeCompanyLogo, uploadCompanyLogo } from './company-logo-api.ts';
import { useCaptions } from '../i18n/captions.ts';

type CompanyInformation = Record<string, string | number> & { version: number; logoMimeType: string };

const fieldGroups: ReadonlyArray<{ title: string; fields: ReadonlyArray<[string, string]> }> = [
  {
    title: 'General',
    fields: [['name', 'Name'], ['address', 'Address'], ['address2', 'Address 2'], ['postCode', 'Post Code'], ['city', 'City'], ['countryRegionCode', 'Country/Region Code']],
  },
  { title: 'Communication', fields: [['phoneNo', 'Phone No.'], ['email', 'Email'], ['homePage', 'Home Page']] },
  {
    title: 'Payments and registration',
    fields: [['bankName', 'Bank Name'], ['iban', 'IBAN'], ['swiftCode', 'SWIFT Code'], ['vatRegistrationNo', 'VAT Registration No.'], ['registrationNo', 'Registration No.'],
      ['electronicAddress', 'Electronic Address (Peppol)'], ['electronicAddressScheme', 'Electronic Address Scheme']],
  },
];
const editableFields = fieldGroups.flatMap((group) => group.fields.map(([name]) => name));

export function CompanyInformationPage() {
  const t = useCaptions();
  const company = useQuery({ queryKey: ['companyInformation'], queryFn: () => api.get<CompanyInformation>('/companyInformation') });
  if (company.error) return <Alert color="red" role="alert">{messageOf(company.error)}</Alert>;
  if (!company.data) return null;
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('Company Information')}</Title>
      <CompanyLogo company={company.data} />
      {/* Not keyed by version: a logo change (which counts as a change of the record) keeps what is being typed. */}
      <CompanyForm company={company.data} />
    </Stack>
  );
}

function CompanyForm({ company }: { company: CompanyInformation }) {
  const t = useCaptions();
  const client = useQueryClient();
  const [values, setValues] = useState(() => Object.fromEntries(editableFields.map((name) => [name, String(company[name] ?? '')])));
  const save = useMutation({
    mutationFn: () => api.patch<CompanyInformation>('/companyInformation', values, company.version),
    onSuccess: (saved) => client.setQueryData(['companyInformation'], saved),
  });
  const errors = fieldErrorsOfRequest(save.error);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('Company Information')}>
      {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
      {save.isSuccess && <Alert color="green" role="status">{t('Saved.')}</Alert>}
      {fieldGroups.map((group) => (
        <Fieldset key={group.title} legend={t(group.title)}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
            {group.fields.map(([name, label]) => (
              <TextInput key={name} label={t(label)} value={values[name] ?? ''} error={errors[name]}
                onChange={(event) => { const value = event.currentTarget.value; setValues((current) => ({ ...current, [name]: value })); }} />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
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

import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { salesDocumentCreate } from '../../core/sales/sales-document.schemas.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import type { Customer } from '../api/types.ts';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { documentKindByPath, documentPath, type AnyDocumentKind } from './document-kinds.ts';
import { recurringLinesAfterCreate } from './recurring-lines-after-create.ts';
import { documentQueryKey, refreshDocumentLists } from './use-sales-document.ts';

export function NewSalesDocumentPage() {
  const kind = documentKindByPath(useParams().kind);
  return kind ? <NewDocumentForm key={kind.type} kind={kind} party={customerParty} /> : <NotFoundPage />;
}

/** Who a new document is for: the customer (vendor), its field in the create request and its lookup. */
export interface NewDocumentParty<T> {
  /** "customer", "vendor": the instruction's word and the address parameter that preselects one (?customer=C00010). */
  noun: string;
  label: string;
  field: string;
  lookup: LookupSource<T>;
  createSchema: z.ZodType;
}

const customerParty: NewDocumentParty<Customer> = { noun: 'customer', label: 'Customer No.', field: 'sellToCustomerNo', lookup: customerLookup, createSchema: salesDocumentCreate };

/** A new document starts from its customer (vendor), as in BC: choosing one creates it with the party's defaults. */
export function NewDocumentForm<T>({ kind, party }: { kind: AnyDocumentKind; party: NewDocumentParty<T> }) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [partyNo, setPartyNo] = useState(useSearchParams()[0].get(party.noun) ?? '');
  const [validationErrors, setValidationErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<{ no: string }>(`/${kind.resource}`, body),
    onSuccess: (created) => {
      queryClient.setQueryData(documentQueryKey(kind, created.no), created);
      refreshDocumentLists(queryClient);
      navigate(documentPath(kind, created.no), { replace: true, state: recurringLinesAfterCreate(kind, created) });
    },
  });

  const commit = (no: string) => {
    if (no === '' || create.isPending) return;
    const parsed = party.createSchema.safeParse({ [party.field]: no });
    setValidationErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  };
  const errors = { ...fieldErrorsOfRequest(create.error), ...validationErrors };

  return (
    <Stack maw={480}>
      <Title order={2}>{t('New {{document}}', { document: t(kind.caption) })}</Title>
      <Text size="sm">
        {t('Choose the {{party}}: type the {{party}} number, or part of the name and pick from the list, then press Enter.', { party: t(party.noun) })}
      </Text>
      {create.error && !errors[party.field] && <Alert color="red" role="alert">{messageOf(create.error)}</Alert>}
      <RecordLookup source={party.lookup} value={partyNo} onChange={setPartyNo} onCommit={commit} commitOnBlur={false}
        inputProps={{ label: t(party.label), autoFocus: true, error: errors[party.field], disabled: create.isPending }} />
    </Stack>
  );
}

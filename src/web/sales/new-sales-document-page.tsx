import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { salesDocumentCreate } from '../../core/sales/sales-document.schemas.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import { customerLookup } from '../components/lookup-sources.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { documentKindByPath, documentPath, type DocumentKind } from './document-kinds.ts';
import { documentQueryKey, refreshDocumentLists } from './use-sales-document.ts';

export function NewSalesDocumentPage() {
  const kind = documentKindByPath(useParams().kind);
  return kind ? <NewSalesDocument key={kind.type} kind={kind} /> : <NotFoundPage />;
}

/** A new document starts from its customer, as in BC: choosing one creates it with the customer's defaults. */
function NewSalesDocument({ kind }: { kind: DocumentKind }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [customerNo, setCustomerNo] = useState(useSearchParams()[0].get('customer') ?? '');
  const [validationErrors, setValidationErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<SalesDocument>(`/${kind.resource}`, body),
    onSuccess: (created) => {
      queryClient.setQueryData(documentQueryKey(kind, created.no), created);
      refreshDocumentLists(queryClient);
      navigate(documentPath(kind, created.no), { replace: true });
    },
  });

  const commit = (no: string) => {
    if (no === '' || create.isPending) return;
    const parsed = salesDocumentCreate.safeParse({ sellToCustomerNo: no });
    setValidationErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  };
  const errors = { ...fieldErrorsOfRequest(create.error), ...validationErrors };

  return (
    <Stack maw={480}>
      <Title order={2}>New {kind.caption}</Title>
      <Text size="sm">Choose the customer: type the customer number, or part of the name and pick from the list, then press Enter.</Text>
      {create.error && !errors.sellToCustomerNo && <Alert color="red" role="alert">{messageOf(create.error)}</Alert>}
      <RecordLookup source={customerLookup} value={customerNo} onChange={setCustomerNo} onCommit={commit} commitOnBlur={false}
        inputProps={{ label: 'Customer No.', autoFocus: true, error: errors.sellToCustomerNo, disabled: create.isPending }} />
    </Stack>
  );
}

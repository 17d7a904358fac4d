/**
 * The Payment Service Set of a quote, order or invoice (spec §21.1): which payment links the
 * document shows. A new document starts with the services set to Always Include; the user may
 * remove them (a cash customer) or add an enabled one.
 */
import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PaymentServiceSetupView } from '../../core/master-data/payment-service.schemas.ts';
import { api } from '../api/client.ts';
import { useCaptions } from '../i18n/captions.ts';

interface PaymentServiceSetFieldProps {
  saved: readonly string[];
  error: string | undefined;
  onCommit: (codes: string[]) => void;
}

export function PaymentServiceSetField({ saved, error, onCommit }: PaymentServiceSetFieldProps) {
  const t = useCaptions();
  const services = useQuery({ queryKey: ['paymentServices'], queryFn: () => api.get<{ items: PaymentServiceSetupView[] }>('/paymentServices') });
  const items = services.data?.items ?? [];
  // A service on the document stays listed even if it was disabled since, so it can be removed.
  const data = items.filter((service) => service.enabled || saved.includes(service.code)).map((service) => ({ value: service.code, label: service.name || service.code }));
  return (
    <MultiSelect label={t('Payment Services')} data={data} value={[...saved]} error={error} clearable
      clearButtonProps={{ 'aria-label': t('Remove all payment services'), 'aria-hidden': false }}
      placeholder={saved.length === 0 ? t('None') : undefined} onChange={(codes) => onCommit(codes)} />
  );
}

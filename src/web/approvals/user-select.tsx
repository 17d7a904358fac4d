import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';

interface UserRecord { username: string; fullName?: string | null }

interface UserSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  disabled?: boolean;
  clearable?: boolean;
}

/** A choice of the app's users (by user name), searchable by name. */
export function UserSelect({ label, value, onChange, error, disabled, clearable = true }: UserSelectProps) {
  const t = useCaptions();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<Page<UserRecord>>('/users?limit=1000'), staleTime: 60_000 });
  const data = (users.data?.items ?? []).map((user) => ({ value: user.username, label: user.fullName ? `${user.username} – ${user.fullName}` : user.username }));
  if (value && !data.some((option) => option.value === value)) data.unshift({ value, label: value });
  return (
    <Select label={label} data={data} value={value} onChange={onChange} error={error} disabled={disabled}
      searchable clearable={clearable} nothingFoundMessage={t('No match')} onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()} />
  );
}

import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { DateField } from '../components/date-field.tsx';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { supportedLocales, type SupportedLocale } from '../format/locales.ts';
import { signedOut, updateSession, useSession } from '../session/session-store.ts';

/** Work date, display locale, the signed-in user and Sign out. */
export function HeaderBar() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  const changeWorkDate = (value: string) => {
    updateSession({ workDate: value });
    // Warnings and defaults depend on the work date.
    void queryClient.invalidateQueries();
  };

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.post('/auth/signOut');
    } finally {
      signedOut();
      queryClient.clear();
    }
  };

  return (
    <Group gap="md" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} aria-hidden>Work date</Text>
        <DateField label="Work date" hideLabel value={session.workDate} onCommit={(value) => value && changeWorkDate(value)} />
      </Group>
      <SegmentedControl size="xs" aria-label="Number and date format" data={[...supportedLocales]} value={session.locale}
        onChange={(value) => updateSession({ locale: value as SupportedLocale })} />
      <NotificationBell />
      <Text size="sm" data-testid="signed-in-user">{session.username}</Text>
      <Button variant="default" onClick={signOut} loading={signingOut}>Sign out</Button>
    </Group>
  );
}

import { Badge, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { DateField } from '../components/date-field.tsx';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { formatDate, todayIsoDate } from '../format/dates.ts';
import { supportedLocales, type SupportedLocale } from '../format/locales.ts';
import { signedOut, updateSession, useSession, type CaptionLanguage } from '../session/session-store.ts';
import { useCaptions } from '../i18n/captions.ts';
import classes from './app-layout.module.css';

/** The work date and the display locale: in the header on a wide screen, in the menu on a phone. */
export function SessionSettings() {
  const session = useSession();
  const t = useCaptions();
  const queryClient = useQueryClient();

  const changeWorkDate = (value: string) => {
    updateSession({ workDate: value });
    // Warnings and defaults depend on the work date.
    void queryClient.invalidateQueries();
  };

  return (
    <Group gap="md" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} aria-hidden>{t('Work date')}</Text>
        <DateField label={t('Work date')} hideLabel value={session.workDate} onCommit={(value) => value && changeWorkDate(value)} />
      </Group>
      <SegmentedControl size="xs" aria-label={t('Language')} value={session.language}
        data={[{ value: 'en', label: 'EN' }, { value: 'nl', label: 'NL' }]} onChange={(value) => updateSession({ language: value as CaptionLanguage })} />
      <SegmentedControl size="xs" aria-label={t('Number and date format')} data={[...supportedLocales]} value={session.locale}
        onChange={(value) => updateSession({ locale: value as SupportedLocale })} />
    </Group>
  );
}

/** BC shows a work date other than today in the role centre's header; so does this, in orange. */
export function WorkDateMarker() {
  const { workDate, locale } = useSession();
  const t = useCaptions();
  if (workDate === todayIsoDate()) return null;
  return (
    <Tooltip label={t("Documents get this date, not today's ({{today}})", { today: formatDate(todayIsoDate(), locale) })}>
      <Badge color="#b8400b" variant="filled" data-testid="work-date-marker" style={{ flexShrink: 0 }}>
        {/* A phone shows the date alone; screen readers still hear what it is. */}
        <span className={classes.markerCaption}>{`${t('Work date')} `}</span>{formatDate(workDate, locale)}
      </Badge>
    </Tooltip>
  );
}

/** Work date, display locale, the signed-in user and Sign out. */
/** `settings`: the work date and number format are in the header (not in the phone menu). */
export function HeaderBar({ settings }: { settings: boolean }) {
  const session = useSession();
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

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
    <Group gap="sm" wrap="nowrap">
      <WorkDateMarker />
      {settings && <Group wrap="nowrap"><SessionSettings /></Group>}
      <NotificationBell />
      <Text size="sm" data-testid="signed-in-user" visibleFrom="sm">{session.username}</Text>
      <Button variant="default" onClick={signOut} loading={signingOut} style={{ flexShrink: 0 }}>{t('Sign out')}</Button>
    </Group>
  );
}

import { Notification, Stack } from '@mantine/core';
import { useCaptions } from '../i18n/captions.ts';
import { dismissNotice, holdNotice, releaseNotice, useNotices } from './notices.ts';

/**
 * The notices, bottom right above the page (clear of titles and action bars), until closed or timed
 * out; one under the pointer or holding the focus waits until it is let go.
 */
export function NoticesStack() {
  const notices = useNotices();
  const t = useCaptions();
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" pos="fixed" bottom={16} right={16} w={380} maw="calc(100vw - 32px)" style={{ zIndex: 400 }} role="region" aria-label={t('Notifications')}>
      {notices.map((notice) => (
        <Notification key={notice.id} title={notice.title} color={notice.color} withBorder role="status"
          closeButtonProps={{ 'aria-label': t('Close notification') }} onClose={() => dismissNotice(notice.id)}
          onMouseEnter={() => holdNotice(notice.id)} onMouseLeave={() => releaseNotice(notice.id)}
          onFocus={() => holdNotice(notice.id)} onBlur={() => releaseNotice(notice.id)}>
          {notice.body}
        </Notification>
      ))}
    </Stack>
  );
}

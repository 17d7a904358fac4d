import { ActionIcon, Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { useCaptions } from '../i18n/captions.ts';
import { badgeLabel, notificationLinks, notificationTypeCaptions, type NotificationItem, type NotificationList } from './notification-model.ts';

const queryKey = ['notifications'];

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function NotificationRow({ item, onFollow }: { item: NotificationItem; onFollow: (item: NotificationItem) => void }) {
  const t = useCaptions();
  return (
    <Stack gap={2} p="xs" data-testid="notification" bg={item.readAt === null ? 'var(--mantine-color-blue-light)' : undefined} style={{ borderRadius: 4 }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" fw={700}>{t(notificationTypeCaptions[item.notificationType])}</Text>
        <Text size="xs" c="dimmed">{item.createdAt.slice(0, 16).replace('T', ' ')}</Text>
      </Group>
      <Text size="sm">{item.message}</Text>
      <Group gap="sm">
        {notificationLinks(item, (english, values = {}) => t(english, values)).map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm" onClick={() => onFollow(item)}>{link.label}</Anchor>
        ))}
      </Group>
    </Stack>
  );
}

/** The header's bell: the unread count, and the signed-in user's approval notifications with links. */
export function NotificationBell() {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({ queryKey, queryFn: () => api.get<NotificationList>(withQuery('/notifications', { limit: 30 })), refetchInterval: 30_000 });
  const markRead = useMutation({
    mutationFn: (body: { ids: number[] } | { all: true }) => api.post<{ marked: number }>('/notifications/markRead', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
  const unread = list.data?.unreadCount ?? 0;
  const label = badgeLabel(unread);
  const follow = (item: NotificationItem) => {
    setOpened(false);
    if (item.readAt === null) markRead.mutate({ ids: [item.id] });
  };
  const items = list.data?.items ?? [];
  return (
    // The indicator outside the target: the popover's aria-expanded belongs on the button, not on a div.
    <Indicator label={label} size={16} disabled={label === null} color="red" offset={4}>
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setOpened((value) => !value)}
          aria-label={label ? t('Notifications, {{unread}} unread', { unread: String(unread) }) : t('Notifications')} data-testid="notification-bell">
          <BellIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs">
          <Group gap="xs"><Text fw={700} size="sm">{t('Notifications')}</Text>{unread > 0 && <Badge size="sm" color="red">{t('{{unread}} unread', { unread: String(unread) })}</Badge>}</Group>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}>{t('Mark all read')}</Button>
        </Group>
        {list.isError && <Text size="sm" c="red">{t('The notifications could not be loaded.')}</Text>}
        {!list.isError && items.length === 0 && <Text size="sm" c="dimmed">{t('No notifications.')}</Text>}
        <ScrollArea.Autosize mah={400}>
          <Stack gap={4}>{items.map((item) => <NotificationRow key={item.id} item={item} onFollow={follow} />)}</Stack>
        </ScrollArea.Autosize>
        <Anchor component={Link} to="/requests-to-approve" size="sm" onClick={() => setOpened(false)} mt="xs" display="block">{t('Requests to Approve')}</Anchor>
      </Popover.Dropdown>
    </Popover>
    </Indicator>
  );
}

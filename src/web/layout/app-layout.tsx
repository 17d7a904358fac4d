import { AppShell, Anchor, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { HeaderBar } from './header-bar.tsx';
import { navigationGroups } from './navigation.ts';
import { NoticesStack } from './notices-stack.tsx';
import classes from './app-layout.module.css';

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <a className={classes.skipLink} href="#main">Skip to content</a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="inherit"><Title order={3}>Ledgerline</Title></Anchor>
          <HeaderBar />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {navigationGroups.map((group) => (
            <div key={group.title ?? 'start'}>
              {group.title && <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={2} px="xs">{group.title}</Text>}
              {group.entries.map((entry) => (
                <NavLink key={entry.to} component={Link} to={entry.to} label={entry.label} active={isActive(pathname, entry.to)} py={5} />
              ))}
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main">{children}</AppShell.Main>
      <NoticesStack />
    </AppShell>
  );
}

import { AppShell, Anchor, Group, NavLink, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { HeaderBar } from './header-bar.tsx';
import { navigationEntries } from './navigation.ts';
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
        {navigationEntries.map((entry) => (
          <NavLink key={entry.to} component={Link} to={entry.to} label={entry.label} active={isActive(pathname, entry.to)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}

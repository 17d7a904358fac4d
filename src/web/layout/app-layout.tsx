import { AppShell, Anchor, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCaptions } from '../i18n/captions.ts';
import { HeaderBar, SessionSettings } from './header-bar.tsx';
import { navigationGroups } from './navigation.ts';
import { NoticesStack } from './notices-stack.tsx';
import classes from './app-layout.module.css';

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The workspace frame: header, navigation and the page. Under 768 px (Mantine's `sm`) the navigation
 * folds into a burger menu that covers the page when opened and closes again once a page is chosen.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const t = useCaptions();
  const [menuOpened, menu] = useDisclosure(false);
  // One copy of the work date and number format: in the header, or in the phone menu (not both, for the keyboard and screen readers).
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  // A page chosen (or any other navigation) closes the phone menu.
  const closeMenu = menu.close;
  useEffect(() => closeMenu(), [pathname, closeMenu]);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }} padding="md">
      <AppShell.Header>
        <a className={classes.skipLink} href="#main">{t('Skip to content')}</a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={menuOpened} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label={menuOpened ? t('Close menu') : t('Open menu')}
              aria-expanded={menuOpened} aria-controls="main-navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit"><Title order={3} className={classes.brand}>{t('Ledgerline')}</Title></Anchor>
          </Group>
          <HeaderBar settings={!phone} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('Main navigation')} id="main-navigation" className={classes.navbar} data-menu-closed={menuOpened ? undefined : true}>
        {phone && (
          <AppShell.Section pb="xs" className={classes.phoneSettings}>
            <SessionSettings />
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          {navigationGroups.map((group) => (
            <div key={group.title ?? 'start'}>
              {group.title && <Text size="xs" fw={700} c="gray.7" tt="uppercase" mt="sm" mb={2} px="xs">{t(group.title)}</Text>}
              {group.entries.map((entry) => (
                <NavLink key={entry.to} component={Link} to={entry.to} label={t(entry.label)} active={isActive(pathname, entry.to)} py={5} />
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

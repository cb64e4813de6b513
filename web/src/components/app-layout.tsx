import { AppShell, Burger, Group, NavLink, Text, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconArrowsDiff,
  IconCalendarTime,
  IconCloudDollar,
  IconFileText,
  IconHome,
  IconKey,
  IconLayoutList,
  IconReceipt2,
  IconUser,
} from '@tabler/icons-react'
import { Link, Outlet, useLocation } from 'react-router'
import { paths } from '@/config/paths'
import { UserMenu } from './user-menu'

const links = [
  { to: paths.home, label: 'Dashboard', icon: IconHome, exact: true },
  { to: paths.scenarios, label: 'Scenarios', icon: IconLayoutList, exact: false },
  { to: paths.compare(), label: 'Compare', icon: IconArrowsDiff, exact: false },
  { to: paths.reports, label: 'Reports', icon: IconFileText, exact: false },
  { to: paths.schedules, label: 'Schedules', icon: IconCalendarTime, exact: false },
  { to: paths.rateCard, label: 'Rate card', icon: IconReceipt2, exact: false },
  { to: paths.apiKeys, label: 'API keys', icon: IconKey, exact: false },
  { to: paths.profile, label: 'Profile', icon: IconUser, exact: false },
]

/** Header with the user menu, a navigation bar that collapses behind a burger on phones, and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure()
  const { pathname } = useLocation()
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Group
              gap={6}
              wrap="nowrap"
              className="brand-link"
              renderRoot={(props) => <Link to={paths.home} aria-label="mockupAWS home" {...props} />}
            >
              <IconCloudDollar size={26} color="var(--mantine-color-orange-6)" aria-hidden />
              <Text fw={700} size="lg">
                mockupAWS
              </Text>
            </Group>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" component="nav">
        <VisuallyHidden>
          <h2>Navigation</h2>
        </VisuallyHidden>
        {links.map(({ to, label, icon: Icon, exact }) => {
          const active = exact ? pathname === to : pathname.startsWith(to)
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              active={active}
              aria-current={active ? 'page' : undefined}
              leftSection={<Icon size={18} aria-hidden />}
              onClick={close}
            />
          )
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}

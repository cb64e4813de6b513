import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  MantineProvider,
} from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { AuthProvider } from '@/features/auth/components/auth-provider'
import { ApiError } from '@/lib/api-error'

/**
 * Mantine's orange with darker shades 8 and 9, so that white text on the filled primary (shade 8) and orange
 * text on white pass WCAG 2.1 AA (4.5:1): #c2410c is 5.2:1 against white.
 */
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#e8590c',
  '#c2410c',
  '#a3360a',
]

export const theme = createTheme({
  primaryColor: 'orange',
  primaryShade: { light: 8, dark: 8 },
  colors: { orange },
  defaultRadius: 'md',
  components: {
    // A link inside text is told apart by more than its colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
})

/**
 * Muted text dark enough to read: Mantine's dimmed grey is 3.3:1 on white and 4.0:1 on the dark body; these
 * are at least 4.5:1 on the body and on cards, tables and inputs of both schemes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: { '--mantine-color-dimmed': '#a8a8a8' },
})

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not fix itself: show it at once instead of retrying.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  })
}

/** Theme (follows the system until the user picks one), notifications, server state, session. */
export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Bottom right: a notice never covers the page header and its actions. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  )
}

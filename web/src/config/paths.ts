/** Every client-side route in one place, so links and redirects never drift apart. */
export const paths = {
  home: '/',
  login: '/login',
  register: '/register',
  profile: '/profile',
  apiKeys: '/api-keys',
  scenarios: '/scenarios',
  scenario: (id: string) => `/scenarios/${id}`,
  compare: (ids: string[] = []) => (ids.length > 0 ? `/compare?ids=${ids.join(',')}` : '/compare'),
  reports: '/reports',
  schedules: '/schedules',
  rateCard: '/rate-card',
} as const

/** Only same-site paths are honoured as a post-login destination (no open redirect). */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return paths.home
  return next
}

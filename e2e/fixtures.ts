import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test'

export const AUTH_FILE = fileURLToPath(new URL('./.auth/user.json', import.meta.url))
export const ACCOUNT_FILE = fileURLToPath(new URL('./.auth/account.json', import.meta.url))
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url))

export type Account = { email: string; password: string; fullName: string }

export function newAccount(): Account {
  const id = randomUUID().slice(0, 8)
  return { email: `e2e-${id}@example.com`, password: `Passw0rd-${id}`, fullName: `Erin Tester ${id}` }
}

/** The account the setup project registered (its storage state is the signed-in browser). */
export function sharedAccount(): Account {
  return JSON.parse(readFileSync(ACCOUNT_FILE, 'utf8')) as Account
}

async function apiLogin(request: APIRequestContext, account: Account): Promise<string> {
  const res = await request.post('/api/v1/auth/login', {
    data: { email: account.email, password: account.password },
  })
  expect(res.status()).toBe(200)
  return (await res.json()).access_token as string
}

type Fixtures = {
  /** Problems the page reported: CSP violations, uncaught errors, console errors. */
  pageProblems: string[]
  /** The signed-in account of this test, with an access token for API calls made by the test itself. */
  account: Account & { accessToken: string }
  /** Saves a full-page screenshot under e2e/screenshots/. */
  snap: (name: string) => Promise<void>
}

type Options = { freshAccount: boolean; signedIn: boolean }

/**
 * Every test starts signed in (storage state of the setup project), in its own refresh-token family: the
 * server rotates refresh tokens and revokes a family when a rotated one is replayed, so parallel tests must
 * never share one cookie. `test.use({ freshAccount: true })` gives a test its own new user (empty lists).
 */
export const test = base.extend<Fixtures & Options>({
  freshAccount: [false, { option: true }],
  signedIn: [true, { option: true }],
  account: async ({ context, freshAccount, signedIn }, use) => {
    if (!signedIn) {
      await use({ ...newAccount(), accessToken: '' })
      return
    }
    let account: Account
    if (freshAccount) {
      account = newAccount()
      const res = await context.request.post('/api/v1/auth/register', {
        data: { email: account.email, password: account.password, full_name: account.fullName },
      })
      expect(res.status()).toBe(201)
    } else {
      account = sharedAccount()
    }
    const accessToken = await apiLogin(context.request, account)
    await use({ ...account, accessToken })
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (msg) => {
        const text = msg.text()
        if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`)
        // Chromium logs every non-2xx answer; the tests assert what the page shows for those.
        else if (msg.type() === 'error' && !/Failed to load resource/.test(text))
          problems.push(`console: ${text}`)
      })
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
      await use(problems)
      expect(problems, 'the page reported CSP violations or errors').toEqual([])
    },
    { auto: true },
  ],
  page: async ({ page, account }, use) => {
    void account
    await use(page)
  },
  snap: async ({ page }, use) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await use(async (name) => {
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true })
    })
  },
})

export { expect }

/** Calls the API as the test's user (for setting up state a test does not exercise through the UI). */
export async function apiAs(
  request: APIRequestContext,
  token: string,
  method: 'get' | 'post' | 'patch' | 'delete',
  url: string,
  data?: unknown,
) {
  const res = await request[method](url, { headers: { authorization: `Bearer ${token}` }, data })
  if (res.status() >= 400)
    throw new Error(`${method.toUpperCase()} ${url} → ${res.status()} ${await res.text()}`)
  return res.status() === 204 ? null : res.json()
}

export async function createScenarioViaApi(
  request: APIRequestContext,
  token: string,
  body: { name: string; region?: string; tags?: string[] },
) {
  return apiAs(request, token, 'post', '/api/v1/scenarios', { region: 'us-east-1', ...body }) as Promise<{
    id: string
    name: string
  }>
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

/** AWS's Lambda worked example: 10 M requests ($2.00) + 2,000,000 GB-s x86 ($33.33) without the free tier. */
export const LAMBDA_EXAMPLE = { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024 }

export async function addItemViaApi(
  request: APIRequestContext,
  token: string,
  scenarioId: string,
  service: string,
  params: Record<string, unknown>,
) {
  return apiAs(request, token, 'post', `/api/v1/scenarios/${scenarioId}/items`, { service, params })
}

/** A scenario without the free tier holding one Lambda item of `invocations` (default: AWS's example). */
export async function createPricedScenario(
  request: APIRequestContext,
  token: string,
  name: string,
  invocations = LAMBDA_EXAMPLE.invocations,
) {
  const scenario = (await apiAs(request, token, 'post', '/api/v1/scenarios', {
    name,
    region: 'us-east-1',
    include_free_tier: false,
  })) as { id: string; name: string }
  await addItemViaApi(request, token, scenario.id, 'lambda', { ...LAMBDA_EXAMPLE, invocations })
  return scenario
}

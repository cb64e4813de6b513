import { expect, expectSignedIn, newAccount, test } from './fixtures.js'

test.describe('signed out', () => {
  test.use({ signedIn: false, storageState: { cookies: [], origins: [] } })

  test('register → reload stays signed in → log out → protected pages need a login again', async ({
    page,
    snap,
  }) => {
    const account = newAccount()
    await page.goto('/register')
    await snap('register')
    await page.getByLabel('Full name').fill(account.fullName)
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel(/^Password/).fill(account.password)
    await page.getByLabel('Confirm password').fill(account.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByRole('heading', { name: `Welcome, ${account.fullName}` })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: `Welcome, ${account.fullName}` })).toBeVisible()
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Log out' }).click()
    await expect(page).toHaveURL(/\/login/)
    await page.goto('/scenarios')
    await expect(page).toHaveURL(/\/login\?next=%2Fscenarios/)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  })

  test('logs in with the right password and shows the name in the header', async ({
    page,
    request,
    snap,
  }) => {
    const account = newAccount()
    await request.post('/api/v1/auth/register', {
      data: { email: account.email, password: account.password, full_name: account.fullName },
    })
    await page.goto('/login')
    await snap('login')
    await page.getByLabel('Email').fill(account.email.toUpperCase())
    await page.getByLabel(/^Password/).fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expectSignedIn(page)
    await expect(page.getByTestId('user-menu')).toContainText(account.fullName)
  })

  test('a wrong password shows the server message and keeps the visitor on the login page', async ({
    page,
    request,
  }) => {
    const account = newAccount()
    await request.post('/api/v1/auth/register', {
      data: { email: account.email, password: account.password },
    })
    await page.goto('/login')
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel(/^Password/).fill('not-the-password-1')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.')
    await expect(page).toHaveURL(/\/login/)
  })

  test('an unknown email gets the same message as a wrong password', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('Email').fill('nobody-here@example.com')
    await page.getByLabel(/^Password/).fill('whatever-pass-1')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.')
  })

  for (const target of ['/scenarios', '/api-keys', '/profile', '/scenarios?status=running']) {
    test(`visiting ${target} signed out goes to login and back there after signing in`, async ({
      page,
      request,
    }) => {
      const account = newAccount()
      await request.post('/api/v1/auth/register', {
        data: { email: account.email, password: account.password },
      })
      await page.goto(target)
      await expect(page).toHaveURL(/\/login\?next=/)
      await page.getByLabel('Email').fill(account.email)
      await page.getByLabel(/^Password/).fill(account.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page).toHaveURL(new RegExp(`${target.replace('?', '\\?')}$`))
      await expectSignedIn(page)
    })
  }

  test('the login page ignores a next= that leaves the site', async ({ page, request }) => {
    const account = newAccount()
    await request.post('/api/v1/auth/register', {
      data: { email: account.email, password: account.password },
    })
    await page.goto('/login?next=//evil.example.com/')
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel(/^Password/).fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/')
  })

  test('register validates the email as you type', async ({ page }) => {
    await page.goto('/register')
    const email = page.getByLabel('Email')
    await email.fill('not-an-email')
    await expect(page.getByText('Enter a valid email address, like name@example.com')).toBeVisible()
    await email.fill('fixed@example.com')
    await expect(page.getByText('Enter a valid email address, like name@example.com')).toBeHidden()
  })

  test('register explains each password rule as you type and checks the confirmation', async ({ page }) => {
    await page.goto('/register')
    const password = page.getByLabel(/^Password/)
    await password.fill('short1')
    await expect(page.getByText('Use at least 8 characters')).toBeVisible()
    await password.fill('longenoughpassword')
    await expect(page.getByText('Include at least one digit')).toBeVisible()
    await password.fill('12345678901')
    await expect(page.getByText('Include at least one letter')).toBeVisible()
    await password.fill('good-pass-1')
    await page.getByLabel('Confirm password').fill('good-pass-2')
    await expect(page.getByText('The passwords do not match')).toBeVisible()
    await expect(password).not.toHaveAttribute('aria-invalid', 'true')
  })

  test('registering a taken email shows the server message', async ({ page, request }) => {
    const account = newAccount()
    await request.post('/api/v1/auth/register', {
      data: { email: account.email, password: account.password },
    })
    await page.goto('/register')
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel(/^Password/).fill('another-pass-2')
    await page.getByLabel('Confirm password').fill('another-pass-2')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByRole('alert')).toContainText('An account with this email already exists.')
  })

  test('submitting an empty login form names the missing fields', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Enter your email address')).toBeVisible()
    await expect(page.getByText('Enter your password')).toBeVisible()
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  })

  test('login and register link to each other', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('link', { name: 'Create one' }).click()
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
    await page.getByRole('link', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  })
})

test.describe('signed in', () => {
  test('a signed-in visitor of /login lands on the dashboard', async ({ page }) => {
    await page.goto('/login')
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
  })

  test('a deep link survives a reload', async ({ page }) => {
    await page.goto('/api-keys')
    await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  })

  test('the user menu shows name and email and links to profile and API keys', async ({
    page,
    account,
    snap,
  }) => {
    await page.goto('/')
    await snap('dashboard')
    await page.getByTestId('user-menu').click()
    const menu = page.getByRole('menu')
    await expect(menu).toContainText(account.fullName)
    await expect(menu).toContainText(account.email)
    await snap('user-menu')
    await menu.getByRole('menuitem', { name: 'Profile' }).click()
    await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible()
    await snap('profile')
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'API keys' }).click()
    await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  })

  test('the theme can be switched to dark and stays dark after a reload', async ({ page }) => {
    await page.goto('/')
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: /^Dark theme/ }).click()
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: /^Light theme/ }).click()
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
  })

  test('the theme follows a dark system preference by default', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  })

  test('on a phone the navigation opens from the burger', async ({ page, snap }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await page.goto('/')
    await page.getByRole('button', { name: 'Toggle navigation' }).click()
    await snap('mobile-navigation')
    await page.getByRole('link', { name: 'Scenarios', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible()
  })

  test('the skip link moves keyboard users to the content', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  })

  test('an unknown address shows a not-found page inside the app', async ({ page }) => {
    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  })
})

test.describe('password change', () => {
  test.use({ freshAccount: true })

  test('changing the password keeps this browser signed in and the new password works', async ({
    page,
    account,
    request,
  }) => {
    await page.goto('/profile')
    await page.getByLabel('Current password').fill(account.password)
    await page.getByLabel('New password').fill('brand-new-pass-9')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect(page.getByText('Password changed.')).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible()
    const old = await request.post('/api/v1/auth/login', {
      data: { email: account.email, password: account.password },
    })
    expect(old.status()).toBe(401)
  })

  test('a wrong current password is shown on its field', async ({ page }) => {
    await page.goto('/profile')
    await page.getByLabel('Current password').fill('wrong-current-1')
    await page.getByLabel('New password').fill('brand-new-pass-9')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect(page.getByText('Is incorrect', { exact: true })).toBeVisible()
    await expect(page.getByRole('alert')).toContainText('The current password is incorrect.')
  })
})

test.describe('profile', () => {
  test.use({ freshAccount: true })

  test('change the name → the header shows it at once → still there after a reload', async ({
    page,
    account,
  }) => {
    const newName = `Renamed ${account.fullName.split(' ').at(-1)}`
    await page.goto('/profile')
    const form = page.getByRole('form', { name: 'Change name' })
    const name = form.getByLabel('Name')
    await expect(name).toHaveValue(account.fullName)
    await name.fill('   ')
    await expect(form.getByText('Enter your name')).toBeVisible()
    await name.fill(`  ${newName} `)
    await form.getByRole('button', { name: 'Save name' }).click()
    await expect(page.getByText('Name saved.')).toBeVisible()
    await expect(name).toHaveValue(newName)
    await expect(page.getByTestId('user-menu')).toContainText(newName)
    await page.reload()
    await expect(page.getByTestId('user-menu')).toContainText(newName)
    await expect(page.getByRole('form', { name: 'Change name' }).getByLabel('Name')).toHaveValue(newName)
  })
})

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test as setup } from '@playwright/test'
import { ACCOUNT_FILE, AUTH_FILE, newAccount } from './fixtures.js'

setup('register the shared account and save the signed-in storage state', async ({ page }) => {
  const account = newAccount()
  await page.goto('/register')
  await page.getByLabel('Full name').fill(account.fullName)
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel(/^Password/).fill(account.password)
  await page.getByLabel('Confirm password').fill(account.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
  mkdirSync(dirname(AUTH_FILE), { recursive: true })
  writeFileSync(ACCOUNT_FILE, JSON.stringify(account))
  await page.context().storageState({ path: AUTH_FILE })
})

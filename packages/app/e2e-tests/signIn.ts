import { expect, Page } from '@playwright/test';

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, displayName: string | 'guest') {
  await page.goto('/');
  if (displayName === 'guest') {
    await page.getByRole('button', { name: 'Enter' }).click();
  } else {
    await page
      .getByRole('button', { name: `Sign in as ${displayName}` })
      .click();
  }
  // The sidebar's settings link appears once the app has a signed-in user.
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
}
